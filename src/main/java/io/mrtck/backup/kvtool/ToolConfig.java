package io.mrtck.backup.kvtool;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.mrtck.backup.BackupException;

/**
 * The {@code -config} file of kvtool's export and import, as the old utility took it: {@code
 * key = value} lines ({@code export-type = LOCAL}, {@code export-package-path = DIR}; {@code
 * import-type = LOCAL}, {@code import-package-path = DIR}, {@code ttl = ABSOLUTE|RELATIVE}, {@code
 * ttl-relative-date = yyyy-MM-dd HH:mm:ss}, {@code request-timeout-ms}; the kit's {@code overwrite},
 * {@code chunk-rows}, {@code max-rows-per-second}). Relative paths are taken from the file's directory.
 */
final class ToolConfig {
    private final Path file;
    private final Properties values;

    private ToolConfig(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    static ToolConfig read(Path file, Set<String> known) throws IOException {
        if (!Files.isReadable(file)) {
            throw new BackupException("-config " + file + " is not a readable file");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new BackupException("-config " + file + ": " + key + " is not a parameter of this command; parameters: "
                    + known);
            }
        }
        return new ToolConfig(file, p);
    }

    String required(String key) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BackupException("-config " + file + ": " + key + " is missing");
        }
        return v.strip();
    }

    String optional(String key, String byDefault) {
        return values.getProperty(key, byDefault).strip();
    }

    int number(String key, int byDefault) {
        String v = optional(key, String.valueOf(byDefault));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BackupException("-config " + file + ": " + key + " = " + v + " is not a whole number");
        }
    }

    /** {@code key}'s value, which must be one of {@code choices} (any case). */
    String choice(String key, String byDefault, String... choices) {
        String v = optional(key, byDefault).toUpperCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(v)) {
                return c;
            }
        }
        throw new BackupException("-config " + file + ": " + key + " = " + v + " is not one of " + String.join(", ", choices));
    }

    Path path(String key) {
        Path p = Path.of(required(key));
        return p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p);
    }
}
