package io.mrtck.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Everything a region shows of a table through the SDK, keyed by primary key: value (as
 * {@link CanonicalJson}: JSON members and MAP keys in any order), modification time and
 * expiration time of each row. Two regions have converged on a table when their
 * fingerprints are equal.
 */
public final class TableFingerprint {
    private final String table;
    private final SortedMap<String, RowImage> rows;

    private TableFingerprint(String table, SortedMap<String, RowImage> rows) {
        this.table = table;
        this.rows = rows;
    }

    /** Reads the table, its row shape from the region's own schema. */
    public static TableFingerprint read(NoSQLHandle handle, String table, List<String> keyColumns) {
        return read(handle, table, keyColumns, shape(handle, table));
    }

    /** The row shape of {@code table} as the region's schema declares it. */
    public static ValueShape shape(NoSQLHandle handle, String table) {
        return ValueShape.ofTableSchema(handle.getTable(new GetTableRequest().setTableName(table)).getSchema());
    }

    /**
     * Reads the table: the keys by a query on the key columns, then each row with a get,
     * which is what carries the modification and expiration times.
     */
    public static TableFingerprint read(NoSQLHandle handle, String table, List<String> keyColumns, ValueShape shape) {
        List<MapValue> keys = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement(
                 "SELECT " + String.join(", ", keyColumns) + " FROM " + table);
             QueryIterableResult result = handle.queryIterable(q)) {
            result.forEach(keys::add);
        }
        SortedMap<String, RowImage> rows = new TreeMap<>();
        for (MapValue key : keys) {
            GetResult r = handle.get(new GetRequest().setTableName(table).setKey(key));
            if (r.getValue() != null) {
                rows.put(CanonicalJson.of(key, shape), new RowImage(CanonicalJson.of(r.getValue(), shape), r.getModificationTime(),
                    r.getExpirationTime()));
            }
        }
        return new TableFingerprint(table, rows);
    }

    public String table() {
        return table;
    }

    public Map<String, RowImage> rows() {
        return Collections.unmodifiableMap(rows);
    }

    /**
     * The keys whose rows differ between the regions' fingerprints, with what each region
     * holds for them (a missing row shows as null). Empty when all agree.
     */
    public static SortedMap<String, Map<String, RowImage>> differences(Map<String, TableFingerprint> byRegion) {
        TreeSet<String> keys = new TreeSet<>();
        byRegion.values().forEach(f -> keys.addAll(f.rows.keySet()));
        SortedMap<String, Map<String, RowImage>> out = new TreeMap<>();
        for (String key : keys) {
            Map<String, RowImage> images = new LinkedHashMap<>();
            byRegion.forEach((region, f) -> images.put(region, f.rows.get(key)));
            if (images.values().stream().distinct().count() > 1) {
                out.put(key, images);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableFingerprint f && f.table.equalsIgnoreCase(table) && f.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return table + " " + rows;
    }
}
