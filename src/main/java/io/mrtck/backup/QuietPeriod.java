package io.mrtck.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The restore's check that writes have stopped, as the workshop asks before a restore: every
 * region's tables (row count and latest modification time) are read, read again after a quiet
 * period, and must not have changed; and, when the period is long enough to hold a whole
 * statistics interval (two intervals), no agent may report writes to them in an interval that lies
 * within it — one that began after the interval that was the latest when the period began had
 * ended (told by the statistics' own times, whatever the clocks).
 */
final class QuietPeriod {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuietPeriod() {
    }

    /** @throws BackupException saying where writes were seen */
    static void require(Topology topology, RegionClients clients, List<String> tables, Duration period) {
        // each region's latest interval as the period begins; only a period of two intervals can hold a whole one
        Map<String, Long> latestEnd = new LinkedHashMap<>();
        long longestInterval = 0;
        for (Region r : topology.regions()) {
            Optional<JsonNode> s = latest(r, null);
            latestEnd.put(r.name(), s.map(n -> n.path("endMs").asLong()).orElse(Long.MIN_VALUE));
            longestInterval = Math.max(longestInterval, s.map(n -> n.path("intervalMs").asLong()).orElse(Long.MAX_VALUE / 2));
        }
        boolean statisticsCanTell = period.toMillis() >= 2 * longestInterval;
        Map<String, String> before = states(topology, clients, tables);
        try {
            Thread.sleep(period.toMillis()); // the observation window itself, not a wait for replication
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("restore interrupted during its quiet period", e);
        }
        Map<String, String> after = states(topology, clients, tables);
        List<String> seen = new ArrayList<>();
        before.forEach((where, state) -> {
            if (!state.equals(after.get(where))) {
                seen.add(where + " went from " + state + " to " + after.get(where));
            }
        });
        for (Region r : statisticsCanTell ? topology.regions() : List.<Region>of()) {
            for (String t : tables) {
                long since = latestEnd.get(r.name());
                latest(r, t).filter(s -> s.path("beginMs").asLong() > since).ifPresent(s -> {
                    long writes = s.path("puts").asLong() + s.path("dels").asLong();
                    if (writes > 0) {
                        seen.add("the agent of " + r.name() + " applied " + writes + " writes to " + t
                            + " in a statistics interval within the quiet period");
                    }
                });
            }
        }
        if (!seen.isEmpty()) {
            throw new BackupException("writes still arrive during the " + period.toMillis() + " ms quiet period: "
                + String.join("; ", seen) + ". Stop the writers first (or restore with --force). Nothing was changed.");
        }
    }

    private static Map<String, String> states(Topology topology, RegionClients clients, List<String> tables) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Region r : topology.regions()) {
            for (String t : tables) {
                out.put(t + " in " + r.name(), state(clients, r.name(), t));
            }
        }
        return out;
    }

    private static String state(RegionClients clients, String region, String table) {
        try (QueryRequest q = new QueryRequest().setStatement(
                 "SELECT count(*) AS n, max(modification_time($x)) AS m FROM " + table + " $x");
             QueryIterableResult result = clients.handle(region).queryIterable(q)) {
            for (MapValue row : result) {
                return row.get("n").toJson() + " rows, last modified " + row.get("m").toJson();
            }
            return "no rows";
        } catch (TableNotFoundException e) {
            return "no table";
        }
    }

    /** The latest statistics interval of the region's agent (for {@code table}, or all); empty when there is none. */
    private static Optional<JsonNode> latest(Region region, String table) {
        String out;
        try {
            out = region.admin().execute("show mrtable-agent-statistics -agent 0" + (table == null ? "" : " -table " + table)
                + " -json");
        } catch (AdminCommandException e) {
            return Optional.empty(); // no statistics for the table (yet): the row check decides
        }
        int start = out.indexOf('{');
        try {
            Iterator<JsonNode> agents = start < 0 ? Collections.emptyIterator()
                : JSON.readTree(out.substring(start)).path("returnValue").elements();
            return agents.hasNext() ? Optional.of(agents.next().path("statistics")) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
