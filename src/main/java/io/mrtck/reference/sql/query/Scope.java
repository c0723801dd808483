package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;

/**
 * The names a statement's expressions can use: the tables of the FROM clause (each by its alias,
 * which is the table's name unless one is given, and by its row variable {@code $x}), the variables
 * of FROM expressions and UNNEST, and the external variables the prolog declares.
 */
final class Scope {

    /** A table of the FROM clause. */
    record Table(TableSchema schema, String alias, String rowVar) {

        boolean isNamed(String name) {
            if (alias != null) {
                return alias.equalsIgnoreCase(name);
            }
            String full = schema.name();
            String last = full.substring(full.lastIndexOf('.') + 1);
            return full.equalsIgnoreCase(name) || last.equalsIgnoreCase(name);
        }
    }

    private final List<Table> tables = new ArrayList<>();
    private final Map<String, SeqType> fromVars = new LinkedHashMap<>();
    private final Map<String, SeqType> declared;
    private boolean undeclaredAllowed;

    Scope(Map<String, SeqType> declared) {
        this.declared = declared;
    }

    /**
     * INSERT and UPDATE may use external variables the prolog does not declare: each is added to
     * the declared ones, of type ANY, so that it must be bound like them.
     */
    Scope allowUndeclaredVariables() {
        undeclaredAllowed = true;
        return this;
    }

    /** A scope of one table, as DML and the unit tests use. */
    static Scope of(TableSchema table, String alias, String rowVar) {
        Scope s = new Scope(Map.of());
        s.add(new Table(table, alias, rowVar));
        return s;
    }

    int add(Table t) {
        tables.add(t);
        return tables.size() - 1;
    }

    List<Table> tables() {
        return tables;
    }

    Table table(int i) {
        return tables.get(i);
    }

    /** The index of the table with this alias, or -1. */
    int tableNamed(String name) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).isNamed(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the table with this row variable ({@code $x}), or -1; the alias works as one too. */
    int tableOfVariable(String var) {
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            if (var.equals(t.rowVar()) || t.alias() != null && ("$" + t.alias()).equals(var)) {
                return i;
            }
        }
        return -1;
    }

    /** The indexes of the tables (in FROM order) with this column. */
    List<Integer> tablesWithColumn(String column) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).schema().field(column).isPresent()) {
                found.add(i);
            }
        }
        return found;
    }

    FieldDef column(int table, String name) {
        return tables.get(table).schema().field(name).orElse(null);
    }

    void addFromVariable(String name, SeqType type) {
        fromVars.put(name, type);
    }

    SeqType fromVariable(String name) {
        return fromVars.get(name);
    }

    /** The declared type of an external variable, or null when it is not declared. */
    SeqType declared(String name) {
        if (undeclaredAllowed && !declared.containsKey(name)) {
            declared.put(name, SeqType.one(SqlType.ANY));
        }
        return declared.get(name);
    }
}
