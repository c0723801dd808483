package io.mrtck.backup.migrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mrtck.backup.BackupException;

/**
 * The Migrator's schema file: the table's DDL, one statement a line. The import runs it, and reads
 * the primary and shard key of the CREATE TABLE from it, so that an import into a table keyed
 * otherwise is refused before anything is written.
 */
final class SchemaFile {
    private static final Pattern PRIMARY_KEY = Pattern.compile("(?i)PRIMARY\\s+KEY\\s*\\(");
    /** A key column's storage size, {@code id(3)}: not part of its name. */
    private static final String STORAGE_SIZE = "\\(\\s*\\d+\\s*\\)";
    private static final Pattern SHARD = Pattern.compile("(?i)^\\s*SHARD\\s*\\(([^)]*)\\)\\s*,?");

    /** A primary key and its shard key as a CREATE TABLE declares them. */
    record Key(List<String> primary, List<String> shard) {
    }

    private SchemaFile() {
    }

    static void write(Path file, List<String> ddl) throws IOException {
        Files.write(file, ddl);
    }

    static List<String> read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new BackupException("schema file " + file + " is not a readable file");
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The key of the first CREATE TABLE of a top-level table among {@code ddl}; empty for a child table's. */
    static Optional<Key> key(List<String> ddl) {
        for (String statement : ddl) {
            Matcher name = Pattern.compile("(?i)^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.:$]+)").matcher(statement);
            Matcher pk = PRIMARY_KEY.matcher(statement);
            if (!name.find() || !pk.find()) {
                continue;
            }
            if (name.group(1).contains(".")) {
                return Optional.empty(); // a child's DDL leaves out the key columns it inherits
            }
            String inside = balanced(statement, pk.end()).replaceAll(STORAGE_SIZE, "");
            List<String> shard = new ArrayList<>();
            Matcher s = SHARD.matcher(inside);
            if (s.find()) {
                shard = names(s.group(1));
                inside = inside.substring(s.end());
            }
            List<String> primary = new ArrayList<>(shard);
            primary.addAll(names(inside));
            return Optional.of(new Key(primary, shard.isEmpty() ? primary : shard));
        }
        return Optional.empty();
    }

    /** The text from {@code from} up to the parenthesis that closes the one before it. */
    private static String balanced(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return s.substring(from, i);
            }
        }
        throw new BackupException("a PRIMARY KEY clause is not closed in: " + s);
    }

    /** Column names of a key list. */
    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
