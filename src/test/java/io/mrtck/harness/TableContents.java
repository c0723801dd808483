package io.mrtck.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.QueryResult;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * What the suites read of a table through the SDK, one region at a time: rows with their
 * modification and expiration times, and a description of every region's copy for
 * failure messages.
 */
public final class TableContents {

    /**
     * A row as a region returns it; null value = no such row. Rows compare as the SDK's
     * MapValue does: members in any order (a real region sorts a replicated document's members).
     */
    public record RowView(MapValue value, long modificationTime, long expirationTime) {
        static RowView of(GetResult r) {
            return r.getValue() == null ? null
                : new RowView(r.getValue(), r.getModificationTime(), r.getExpirationTime());
        }

        @Override
        public String toString() {
            return value + " (modified " + modificationTime + ", expires " + expirationTime + ")";
        }
    }

    private TableContents() {
    }

    /** Creates the same MR table in every region, as the workshop does. */
    public static void createEverywhere(RegionClients clients, Topology topology, String ddl) {
        for (Region r : topology.regions()) {
            clients.handle(r.name()).doTableRequest(new TableRequest().setStatement(ddl), 60_000, 100);
        }
    }

    public static RowView row(NoSQLHandle h, String table, String keyColumn, int key) {
        return RowView.of(h.get(new GetRequest().setTableName(table).setKey(new MapValue().put(keyColumn, key))));
    }

    /** Every row a statement returns (all batches). */
    public static List<MapValue> query(NoSQLHandle h, String statement) {
        List<MapValue> rows = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement(statement)) {
            do {
                QueryResult r = h.query(q);
                rows.addAll(r.getResults());
            } while (!q.isDone());
        }
        return rows;
    }

    /** Region name → its rows of {@code keys}, for comparisons and failure messages. */
    public static Map<String, Map<Integer, RowView>> everywhere(RegionClients clients, Topology topology,
                                                                 String table, String keyColumn, List<Integer> keys) {
        Map<String, Map<Integer, RowView>> all = new LinkedHashMap<>();
        for (Region r : topology.regions()) {
            Map<Integer, RowView> rows = new LinkedHashMap<>();
            for (int k : keys) {
                rows.put(k, row(clients.handle(r.name()), table, keyColumn, k));
            }
            all.put(r.name(), rows);
        }
        return all;
    }

    /** "FR: {1=…, 2=…}; CO: {…}" — what each region holds. */
    public static String describe(Map<String, Map<Integer, RowView>> everywhere) {
        StringJoiner j = new StringJoiner("; ");
        everywhere.forEach((region, rows) -> j.add(region + ": " + rows));
        return j.toString();
    }
}
