package io.mrtck.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Refuses an import into a table that is not the exported table's equal: other columns, other
 * column types, another primary key or another shard key. A different shard key would place
 * rows differently; the old import utility corrupted such tables silently (#27782, #27783), the kit
 * refuses before writing anything.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /** @throws BackupException naming every difference when {@code target} cannot take {@code exported}'s rows */
    public static void requireSameSchema(TableDefinition exported, TableDefinition target, String source) {
        List<String> problems = new ArrayList<>();
        if (!lower(exported.primaryKey()).equals(lower(target.primaryKey()))) {
            problems.add("primary key " + exported.primaryKey() + " in the export, " + target.primaryKey() + " in the table");
        } else if (!lower(exported.shardKey()).equals(lower(target.shardKey()))) {
            problems.add("shard key " + exported.shardKey() + " in the export, " + target.shardKey()
                + " in the table (rows would be placed by another key: #27782)");
        }
        for (Column c : exported.columns()) {
            Column t = target.column(c.name());
            if (t == null) {
                problems.add("column " + c.name() + " is in the export, not in the table");
            } else if (!typeOf(c).equals(typeOf(t))) {
                problems.add("column " + c.name() + " is " + typeOf(c) + " in the export, " + typeOf(t) + " in the table");
            }
        }
        for (Column t : target.columns()) {
            if (exported.column(t.name()) == null) {
                problems.add("column " + t.name() + " is in the table, not in the export");
            }
        }
        if (!problems.isEmpty()) {
            throw new BackupException("cannot import " + source + " into table " + target.name()
                + ": the export is of another schema: " + String.join("; ", problems) + ". Nothing was written.");
        }
    }

    /** A column's type with everything that is not its type (name, default, nullable, comment) left out. */
    private static JsonNode typeOf(Column c) {
        ObjectNode t = c.type().deepCopy();
        t.remove(List.of("name", "default", "nullable", "comment"));
        return t;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
