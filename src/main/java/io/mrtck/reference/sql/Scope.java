package io.mrtck.reference.sql;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;

/**
 * The names an expression can use: the table's columns, the table's alias (or its own
 * name) and its row variable ({@code $x}).
 */
record Scope(TableSchema table, String alias, String rowVar) {

    boolean isRowName(String name) {
        if (alias != null && alias.equalsIgnoreCase(name)) {
            return true;
        }
        String full = table.name();
        String last = full.substring(full.lastIndexOf('.') + 1);
        return alias == null && (full.equalsIgnoreCase(name) || last.equalsIgnoreCase(name));
    }

    boolean isRowVar(String var) {
        return rowVar != null && rowVar.equals(var);
    }

    /** The column with this name (case-insensitive), or ILLEGAL_ARGUMENT naming it. */
    FieldDef column(String name) {
        return table.field(name).orElseThrow(() -> RequestException.illegalArgument(
            "Unknown column: " + name + " in table " + table.name()));
    }
}
