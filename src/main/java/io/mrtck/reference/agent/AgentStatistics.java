package io.mrtck.reference.agent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.store.AgentStatisticsRecord;
import io.mrtck.reference.store.Change;

/**
 * One agent's counters for the current collection interval, turned into the real
 * statistics JSON at the end of each interval. Per remote region: {@code latencyMs} is
 * commit-to-applied time of each operation (source modification time to local apply, so
 * clock skew shows in it); {@code laggingMs} is, per applied batch, how far the oldest
 * change in it was behind. Per table: puts, dels, wins, expired and incompatible rows,
 * and each remote region's table-initialisation state.
 */
final class AgentStatistics {
    private final String agentId;
    private final String localRegion;
    private long beginMs;
    private final Map<String, RegionCounters> regions = new TreeMap<>();
    private final Map<String, TableCounters> tables = new TreeMap<>();
    private final Map<String, Map<String, ObjectNode>> initialization = new TreeMap<>();

    AgentStatistics(String agentId, String localRegion, long beginMs) {
        this.agentId = agentId;
        this.localRegion = localRegion;
        this.beginMs = beginMs;
    }

    synchronized void messageFrom(String region, long nowMs) {
        regions.computeIfAbsent(region, r -> new RegionCounters()).lastMessageMs = nowMs;
    }

    synchronized void applied(String region, List<Change> changes, List<ApplyResult> results, long nowMs, int bytes) {
        RegionCounters rc = regions.computeIfAbsent(region, r -> new RegionCounters());
        rc.lastMessageMs = nowMs;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            ApplyResult r = results.get(i);
            if (r == ApplyResult.NO_TABLE) {
                continue;
            }
            oldest = Math.min(oldest, c.row().modificationTime());
            rc.completeWriteOps++;
            rc.lastModificationMs = Math.max(rc.lastModificationMs, c.row().modificationTime());
            rc.latency.add(nowMs - c.row().modificationTime());
            tables.computeIfAbsent(c.table(), t -> new TableCounters()).count(r);
        }
        if (oldest != Long.MAX_VALUE) {
            rc.lagging.add(nowMs - oldest);
        }
        rc.streamBytes += bytes;
    }

    synchronized void initialization(String table, String region, ObjectNode state) {
        initialization.computeIfAbsent(table, t -> new TreeMap<>()).put(region, state);
    }

    /** Closes the interval: its record, and a fresh interval from {@code endMs}. */
    synchronized AgentStatisticsRecord close(long endMs) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("agentId", agentId);
        s.put("beginMs", beginMs);
        s.put("endMs", endMs);
        s.put("intervalMs", endMs - beginMs);
        s.put("localRegion", localRegion);
        TableCounters all = new TableCounters();
        tables.values().forEach(all::add);
        all.writeTo(s);
        s.put("loopbackPuts", 0);
        s.put("loopbackDels", 0);
        long bytes = regions.values().stream().mapToLong(r -> r.streamBytes).sum();
        s.put("streamBytes", bytes);
        s.put("persistStreamBytes", bytes);
        s.put("requests", 0);
        s.put("responses", 0);
        ObjectNode regionStat = s.putObject("regionStat");
        regions.forEach((name, rc) -> {
            ObjectNode r = regionStat.putObject(name);
            r.put("completeWriteOps", rc.completeWriteOps);
            r.put("lastMessageMs", rc.lastMessageMs);
            r.put("lastModificationMs", rc.lastModificationMs);
            r.set("laggingMs", rc.lagging.toJson());
            r.set("latencyMs", rc.latency.toJson());
        });
        ObjectNode tableStat = s.putObject("tableStat");
        java.util.Set<String> names = new java.util.TreeSet<>(tables.keySet());
        names.addAll(initialization.keySet());
        for (String name : names) {
            ObjectNode t = tableStat.putObject(name);
            t.put("tableName", name);
            tables.getOrDefault(name, new TableCounters()).writeTo(t);
            ObjectNode init = t.putObject("initialization");
            initialization.getOrDefault(name, Map.of()).forEach(init::set);
        }
        AgentStatisticsRecord record = new AgentStatisticsRecord(agentId, endMs, s.toString());
        // A new interval: counts restart, last-seen times carry over.
        beginMs = endMs;
        regions.replaceAll((k, v) -> v.carryOver());
        tables.clear();
        return record;
    }

    private static final class RegionCounters {
        long completeWriteOps;
        long lastMessageMs;
        long lastModificationMs;
        long streamBytes;
        final LatencySamples latency = new LatencySamples();
        final LatencySamples lagging = new LatencySamples();

        RegionCounters carryOver() {
            RegionCounters next = new RegionCounters();
            next.lastMessageMs = lastMessageMs;
            next.lastModificationMs = lastModificationMs;
            return next;
        }
    }

    private static final class TableCounters {
        long puts;
        long dels;
        long winPuts;
        long winDels;
        long expiredPuts;
        long incompatibleRows;

        void count(ApplyResult r) {
            switch (r) {
                case WON_PUT -> { puts++; winPuts++; }
                case LOST_PUT -> puts++;
                case EXPIRED_PUT -> { puts++; expiredPuts++; }
                case WON_DELETE -> { dels++; winDels++; }
                case LOST_DELETE -> dels++;
                case INCOMPATIBLE -> incompatibleRows++;
                default -> { }
            }
        }

        void add(TableCounters o) {
            puts += o.puts;
            dels += o.dels;
            winPuts += o.winPuts;
            winDels += o.winDels;
            expiredPuts += o.expiredPuts;
            incompatibleRows += o.incompatibleRows;
        }

        void writeTo(ObjectNode n) {
            n.put("puts", puts);
            n.put("dels", dels);
            n.put("winPuts", winPuts);
            n.put("winDels", winDels);
            n.put("expiredPuts", expiredPuts);
            n.put("incompatibleRows", incompatibleRows);
        }
    }
}
