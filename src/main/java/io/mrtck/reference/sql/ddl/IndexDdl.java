package io.mrtck.reference.sql.ddl;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.StatementParser;
import io.mrtck.reference.sql.TableName;
import io.mrtck.reference.store.StoreTxn;

/**
 * CREATE INDEX and DROP INDEX. An index field is a path into the table's columns: record
 * fields ({@code r.x}), array elements ({@code a[]}), map keys and values ({@code m.keys()},
 * {@code m.values()}) and, inside a JSON column, any path with its declared type
 * ({@code j.name AS STRING}).
 */
final class IndexDdl {
    private static final String CREATE = "CREATE INDEX";
    private static final String DROP = "DROP INDEX";

    private final StoreTxn txn;

    IndexDdl(StoreTxn txn) {
        this.txn = txn;
    }

    DdlResult create(Create_index_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        String name = ctx.index_name().getText();
        TableSchema t = table(tn, CREATE, name);
        if (t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(name))) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(t.name(), t, false);
            }
            throw DdlFailure.indexError(ErrorCode.INDEX_EXISTS, CREATE, tn.name(), name,
                "Index " + name + " already exists in table " + tn.name());
        }
        if (ctx.comment() != null) {
            throw StatementError.notSupported("COMMENT");
        }
        List<IndexDef.Field> fields = new ArrayList<>();
        for (Index_fieldContext f : ctx.index_field_list().index_field()) {
            IndexDef.Field field = field(t, tn.name(), name, f);
            if (fields.stream().anyMatch(x -> x.path().equalsIgnoreCase(field.path()))) {
                throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, tn.name(), name,
                    "Index field is repeated: " + field.path());
            }
            fields.add(field);
        }
        checkOneMultiKeyPath(fields, tn.name(), name);
        for (IndexDef other : t.indexes()) {
            if (samePaths(other.fields(), fields)) {
                throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, tn.name(), name,
                    "Index is a duplicate of an existing index with another name.  Existing index name: "
                        + other.name() + ", new index name: " + name);
            }
        }
        boolean noNulls = ctx.NULLS() != null && ctx.NO() != null;
        boolean unique = ctx.UNIQUE() != null;
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        indexes.add(new IndexDef(name, fields, noNulls, unique));
        TableSchema altered = t.withIndexes(indexes);
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    DdlResult drop(Drop_index_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        String name = ctx.index_name().getText();
        TableSchema t = table(tn, DROP, name);
        if (ctx.OVERRIDE() != null) {
            throw StatementError.notSupported("DROP INDEX ... OVERRIDE");
        }
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        if (!indexes.removeIf(i -> i.name().equalsIgnoreCase(name))) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(t.name(), t, false);
            }
            throw DdlFailure.indexError(ErrorCode.INDEX_NOT_FOUND, DROP, tn.name(), name,
                "Index " + name + " does not exists in table " + tn.name());
        }
        TableSchema altered = t.withIndexes(indexes);
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    private TableSchema table(TableName tn, String operation, String index) {
        return txn.table(tn.name()).orElseThrow(() -> DdlFailure.indexError(ErrorCode.TABLE_NOT_FOUND, operation,
            tn.name(), index, "Table does not exist: " + tn.name()));
    }

    private static boolean samePaths(List<IndexDef.Field> a, List<IndexDef.Field> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equalsIgnoreCase(b.get(i).path())) {
                return false;
            }
        }
        return true;
    }

    /** A field path and its declared type; a path into JSON needs one, a path into typed columns may not have one. */
    private static IndexDef.Field field(TableSchema t, String table, String index, Index_fieldContext f) {
        Index_pathContext path = f.index_path();
        if (path == null || path.name_path() == null && path.multikey_path_prefix() == null) {
            throw StatementError.notSupported("An index on " + f.getText());
        }
        Path_typeContext declared = f.path_type();
        if (declared != null && (declared.GEOMETRY_T() != null || declared.POINT_T() != null)) {
            throw StatementError.notSupported("A GEOMETRY or POINT index");
        }
        String text = path.getText();
        String type = declared == null ? null : declared.getChild(1).getText().toUpperCase();
        Resolved r = resolve(t, text);
        if (r == null) {
            throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, table, index,
                "Invalid index field definition: " + text + "\nField does not exist: " + text);
        }
        if (r.json && type == null) {
            throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, table, index,
                "Invalid index field definition: " + text + " [stepDef.isJson, declaredType is null,  and no "
                    + "annotations specified]\nMust specify data type for JSON index field.");
        }
        if (!r.json && type != null) {
            throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, table, index,
                "Invalid index field definition: " + text + "\nCannot specify data type for non-JSON index field.");
        }
        return new IndexDef.Field(r.canonical, type);
    }

    /** Where an index path leads: its canonical spelling (column names as declared) and whether it is inside JSON. */
    private record Resolved(String canonical, boolean json) {
    }

    private static Resolved resolve(TableSchema t, String path) {
        List<String> steps = steps(path);
        FieldDef column = t.field(unquote(steps.get(0))).orElse(null);
        if (column == null) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(column.name());
        FieldType type = column.type();
        for (String step : steps.subList(1, steps.size())) {
            if (type.code() == TypeCode.JSON) {
                canonical.append(step.equals("[]") ? "" : ".").append(step);
                continue;
            }
            if (step.equals("[]")) {
                if (type.code() != TypeCode.ARRAY) {
                    return null;
                }
                type = type.element();
                canonical.append("[]");
            } else if (step.equalsIgnoreCase("keys()") || step.equalsIgnoreCase("values()")) {
                if (type.code() != TypeCode.MAP) {
                    return null;
                }
                type = step.equalsIgnoreCase("keys()") ? FieldType.of(TypeCode.STRING) : type.element();
                canonical.append('.').append(step.toLowerCase());
            } else if (type.code() == TypeCode.RECORD) {
                FieldDef f = type.fields().stream().filter(x -> x.nameIs(unquote(step))).findFirst().orElse(null);
                if (f == null) {
                    return null;
                }
                type = f.type();
                canonical.append('.').append(f.name());
            } else if (type.code() == TypeCode.MAP) {
                type = type.element();
                canonical.append('.').append(step);
            } else {
                return null;
            }
        }
        return new Resolved(canonical.toString(), type.code() == TypeCode.JSON);
    }

    /** {@code a.b[].keys()} → [a, b, [], keys()]. */
    private static List<String> steps(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("\\.")) {
            String name = part;
            int brackets = 0;
            while (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                brackets++;
            }
            out.add(name);
            for (int i = 0; i < brackets; i++) {
                out.add("[]");
            }
        }
        return out;
    }

    private static String unquote(String step) {
        return step.startsWith("\"") ? StatementParser.unquote(step) : step;
    }

    /**
     * All multi-key fields of one index ([], keys(), values()) must lie on a single path: each one's
     * multi-key part is a prefix of the longest one's.
     */
    private static void checkOneMultiKeyPath(List<IndexDef.Field> fields, String table, String index) {
        String longest = null;
        for (IndexDef.Field f : fields) {
            String prefix = multiKeyPrefix(f.path());
            if (prefix == null) {
                continue;
            }
            if (longest == null) {
                longest = prefix;
                continue;
            }
            String shorter = prefix.length() < longest.length() ? prefix : longest;
            String longer = prefix.length() < longest.length() ? longest : prefix;
            if (!samePath(longer, shorter)) {
                throw DdlFailure.indexError(ErrorCode.ILLEGAL_ARGUMENT, CREATE, table, index,
                    "Invalid index path " + f.path() + " : There is no single path expression the reaches or "
                        + "crosses all the indexed arrays/maps");
            }
            longest = longer;
        }
    }

    /** The path up to and including its last multi-key step, or null when it has none. */
    private static String multiKeyPrefix(String path) {
        int end = -1;
        for (String step : List.of("[]", ".keys()", ".values()")) {
            int at = path.lastIndexOf(step);
            if (at >= 0) {
                end = Math.max(end, at + step.length());
            }
        }
        return end < 0 ? null : path.substring(0, end);
    }

    private static boolean samePath(String longer, String shorter) {
        String prefix = shorter.endsWith(".keys()") ? shorter.substring(0, shorter.length() - 7) + ".values()" : shorter;
        return longer.equalsIgnoreCase(shorter) || longer.toLowerCase().startsWith(prefix.toLowerCase());
    }
}
