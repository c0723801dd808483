package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.FIELDS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.INDEX;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.INDEXES;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.LAST_INDEX;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.LIST_MAX_TO_READ;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.LIST_START_INDEX;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NAMESPACE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OPERATION_ID;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.PATH;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.STATEMENT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLES;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_DDL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_SCHEMA;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_STATE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TYPE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.SchemaJson;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.ddl.DdlResult;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.StringValue;

/** TableRequest (15), GetTable (11), ListTables (14), GetIndexes (12). */
final class TableOps {
    /** TableResult states ({@code as}), as the SDK's BinaryProtocol.getTableState maps them. */
    static final int ACTIVE = 0;
    static final int DROPPED = 2;

    private final RegionContext region;

    TableOps(RegionContext region) {
        this.region = region;
    }

    /** DDL: answered in its final state (ACTIVE, or DROPPED), so the SDK need not poll. */
    Response tableRequest(Op op) {
        String statement = op.payload().requiredString(STATEMENT);
        return tableDdl(statement);
    }

    Response tableDdl(String statement) {
        // a refused statement changed nothing, so only a table changed by one that ran loses its plans
        DdlResult result = region.sql().executeTableDdl(statement);
        region.prepared().invalidate(result.tableName());
        Response r = Response.ok();
        r.put(TABLE_NAME, result.tableName());
        if (result.schema() != null && !result.dropped()) {
            r.put(TABLE_STATE, ACTIVE);
            r.put(TABLE_SCHEMA, result.json());
            r.put(TABLE_DDL, ddlOf(result.schema(), statement));
            putNamespace(r, result.schema());
        } else {
            r.put(TABLE_STATE, DROPPED);
            r.put(TABLE_DDL, statement);
        }
        r.put(OPERATION_ID, region.nextOperationId("ddl"));
        return r;
    }

    Response getTable(Op op) {
        String name = op.requiredTable();
        TableWithJson found = region.store().read(txn -> {
            TableSchema table = region.rows().table(txn, name);
            return new TableWithJson(table, SchemaJson.render(table, SchemaJson.childNames(table, txn.tables())));
        });
        TableSchema t = found.table();
        Response r = Response.ok();
        r.put(TABLE_NAME, t.name());
        r.put(TABLE_STATE, ACTIVE);
        r.put(TABLE_SCHEMA, found.json());
        r.put(TABLE_DDL, ddlOf(t, null));
        putNamespace(r, t);
        String od = op.payload().string(OPERATION_ID);
        r.put(OPERATION_ID, od);
        return r;
    }

    /** A table and its schema JSON, read in one transaction (the JSON names its child tables). */
    private record TableWithJson(TableSchema table, String json) {
    }

    /**
     * Table names sorted case-insensitively; a table outside the default namespace is listed
     * as {@code ns:name}. With {@code ns} only that namespace's tables are listed.
     */
    Response listTables(Op op) {
        int start = Math.max(0, op.payload().integer(LIST_START_INDEX, 0));
        int limit = Math.max(0, op.payload().integer(LIST_MAX_TO_READ, 0));
        String ns = op.payload().string(NAMESPACE);
        List<TableSchema> tables = region.store().read(txn -> new ArrayList<>(txn.tables()));
        List<String> names = new ArrayList<>();
        for (TableSchema t : tables) {
            if (ns != null && !ns.isEmpty()) {
                if (!sameNamespace(ns, t.namespace())) {
                    continue;
                }
            }
            names.add(qualified(t));
        }
        names.sort(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)));
        int from = Math.min(start, names.size());
        int to = limit == 0 ? names.size() : Math.min(names.size(), from + limit);
        ArrayValue arr = Response.newArray(to - from);
        for (String n : names.subList(from, to)) {
            arr.add(new StringValue(n));
        }
        return Response.ok().put(TABLES, arr).put(LAST_INDEX, to);
    }

    Response getIndexes(Op op) {
        String name = op.requiredTable();
        String indexName = op.payload().string(INDEX);
        TableSchema t = region.store().read(txn -> region.rows().table(txn, name));
        List<IndexDef> selected = new ArrayList<>();
        for (IndexDef ix : t.indexes()) {
            if (indexName == null || ix.name().equalsIgnoreCase(indexName)) {
                selected.add(ix);
            }
        }
        if (indexName != null && selected.isEmpty()) {
            throw new RequestException(ErrorCode.INDEX_NOT_FOUND,
                "Index, " + indexName + ", not found in table " + t.name());
        }
        ArrayValue arr = Response.newArray(selected.size());
        for (IndexDef ix : selected) {
            MapValue m = Response.newMap();
            m.put(NAME, ix.name());
            ArrayValue fields = Response.newArray(ix.fields().size());
            for (IndexDef.Field f : ix.fields()) {
                MapValue fm = Response.newMap();
                fm.put(PATH, f.path());
                if (f.type() != null) {
                    fm.put(TYPE, f.type());
                }
                fields.add(fm);
            }
            m.put(FIELDS, fields);
            arr.add(m);
        }
        return Response.ok().put(INDEXES, arr);
    }

    private static String ddlOf(TableSchema t, String fallback) {
        return t.ddl() != null ? t.ddl() : fallback;
    }

    private static void putNamespace(Response r, TableSchema t) {
        if (t.namespace() != null && !t.namespace().isEmpty()) {
            r.put(NAMESPACE, t.namespace());
        }
    }

    static String qualified(TableSchema t) {
        String ns = t.namespace();
        return ns == null || ns.isEmpty() || ns.equalsIgnoreCase("sysdefault")
            ? t.name() : ns + ":" + t.name();
    }

    private static boolean sameNamespace(String wanted, String actual) {
        if (actual == null || actual.isEmpty()) {
            return wanted.equalsIgnoreCase("sysdefault");
        }
        return wanted.equalsIgnoreCase(actual);
    }
}
