package io.mrtck.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.mrtck.client.UserTables;
import oracle.nosql.driver.NoSQLHandle;

/**
 * A table with its child tables (and theirs), parents first: what a backup of the table holds
 * and a restore recreates. Child tables are found by name ({@code Parent.Child}) in {@code listTables}.
 */
public record TableFamily(List<TableDefinition> tables) {

    public TableFamily {
        tables = List.copyOf(tables);
    }

    public static TableFamily read(NoSQLHandle handle, String table, String where) {
        TableDefinition root = TableDefinition.read(handle, table, where);
        String prefix = root.name().toLowerCase(Locale.ROOT) + ".";
        List<TableDefinition> out = new ArrayList<>(List.of(root));
        UserTables.listed(handle).stream()
            .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix))
            .sorted(Comparator.comparingLong((String n) -> n.chars().filter(c -> c == '.').count()).thenComparing(n -> n))
            .forEach(n -> out.add(TableDefinition.read(handle, n, where)));
        return new TableFamily(out);
    }

    /** How many leading primary key columns {@code t} inherits from its parent in this family (0 for the root). */
    public int parentKeyLength(TableDefinition t) {
        if (t.parentName() == null) {
            return 0;
        }
        return tables.stream().filter(p -> TableDefinition.sameName(p.name(), t.parentName())).findFirst()
            .map(p -> p.primaryKey().size())
            .orElseThrow(() -> new BackupException("the parent " + t.parentName() + " of table " + t.name() + " is not in "
                + tables.stream().map(TableDefinition::name).toList()));
    }

    public TableDefinition root() {
        return tables.get(0);
    }
}
