package io.mrtck.reference.admin;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.AgentStatisticsRecord;
import io.mrtck.reference.store.RegionStore;

/**
 * {@code show mrtable-agent-statistics}: the latest interval of each agent, from the
 * statistics the agents keep in the local store, in the real admin's JSON envelope.
 * Without {@code -table} the result is keyed by agent number and holds the agent-wide
 * statistics; with it, keyed by agent id and holding that table's statistics.
 */
final class AgentStatisticsReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATION = "show mrtable-agent-statistics";
    private static final List<String> HEADER = List.of("agentId", "beginMs", "endMs", "intervalMs", "localRegion");

    private final RegionStore store;

    AgentStatisticsReport(RegionStore store) {
        this.store = store;
    }

    String render(AdminCommands.StatisticsQuery query) {
        record Snapshot(List<AgentStatisticsRecord> records, Optional<TableSchema> table, int tableId) {
        }
        Snapshot snap;
        try {
            snap = store.read(txn -> {
                Optional<TableSchema> t = query.table() == null ? Optional.empty() : txn.table(query.table());
                List<TableSchema> all = txn.tables();
                // The reference keeps no table ids; the catalog position stands in for one.
                int id = t.map(s -> indexOf(all, s) + 1).orElse(0);
                return new Snapshot(txn.agentStatistics(), t, id);
            });
        } catch (IllegalStateException e) {
            throw new AdminException("Store is not running: " + e.getMessage());
        }
        if (query.table() != null && snap.table().isEmpty()) {
            throw new AdminException("Table not found: " + query.table());
        }
        Map<String, AgentStatisticsRecord> latest = new TreeMap<>();
        snap.records().stream().sorted(Comparator.comparingLong(AgentStatisticsRecord::endMs))
            .filter(r -> query.agent() == null || matches(r.agentId(), query.agent()))
            .forEach(r -> latest.put(r.agentId(), r));

        ObjectNode returnValue = JSON.createObjectNode();
        for (AgentStatisticsRecord r : latest.values()) {
            ObjectNode stats = parse(r);
            ObjectNode entry = JSON.createObjectNode();
            entry.put("timestamp", r.endMs());
            if (snap.table().isPresent()) {
                entry.set("statistics", tableStatistics(stats, snap.table().get(), snap.tableId()));
                returnValue.set(r.agentId(), entry);
            } else {
                stats.remove("tableStat");
                entry.set("statistics", stats);
                returnValue.set(agentNumber(r.agentId()), entry);
            }
        }
        if (query.json()) {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.put("operation", OPERATION);
            envelope.put("returnCode", 5000);
            envelope.put("description", "Operation ends successfully");
            envelope.set("returnValue", returnValue);
            return envelope.toString();
        }
        if (returnValue.isEmpty()) {
            return "No MR table agent statistics available"
                + (query.agent() == null ? "" : " for agent " + query.agent())
                + " yet: agents write them once per collection interval";
        }
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = returnValue.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(sb.length() == 0 ? "" : "\n").append("Agent ").append(e.getKey())
                .append(", statistics at ").append(e.getValue().get("timestamp").asLong()).append(":\n")
                .append(e.getValue().get("statistics").toPrettyString());
        }
        return sb.toString();
    }

    /** The agent header plus the table's counters; zeros when the table was idle in the interval. */
    private static ObjectNode tableStatistics(ObjectNode stats, TableSchema table, int tableId) {
        ObjectNode out = JSON.createObjectNode();
        HEADER.forEach(h -> {
            if (stats.has(h)) {
                out.set(h, stats.get(h));
            }
        });
        JsonNode perTable = null;
        JsonNode tableStat = stats.path("tableStat");
        Iterator<Map.Entry<String, JsonNode>> it = tableStat.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(table.name())) {
                perTable = e.getValue();
            }
        }
        for (String counter : List.of("puts", "dels", "winPuts", "winDels", "expiredPuts", "incompatibleRows")) {
            out.put(counter, perTable == null ? 0 : perTable.path(counter).asLong());
        }
        out.set("initialization", perTable != null && perTable.has("initialization")
            ? perTable.get("initialization") : JSON.createObjectNode());
        out.put("tableId", tableId);
        out.put("tableName", table.name());
        return out;
    }

    private static ObjectNode parse(AgentStatisticsRecord r) {
        try {
            return (ObjectNode) JSON.readTree(r.json());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new AdminException("statistics of agent " + r.agentId() + " at " + r.endMs()
                + " are not a JSON object: " + e.getMessage());
        }
    }

    /** {@code -agent 0} selects {@code XRegionService-1_0}; a full id selects itself. */
    static boolean matches(String agentId, String wanted) {
        return agentId.equalsIgnoreCase(wanted) || agentNumber(agentId).equals(wanted);
    }

    static String agentNumber(String agentId) {
        int underscore = agentId.lastIndexOf('_');
        return underscore < 0 ? agentId : agentId.substring(underscore + 1);
    }

    private static int indexOf(List<TableSchema> tables, TableSchema t) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).nameIs(t.name())) {
                return i;
            }
        }
        return -1;
    }
}
