package io.mrtck.reference.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.MapValue;

/**
 * Reference regions in this JVM, each with its group of XRegion agents streaming from every
 * other region: for tests of the agent's parts. Rows are written and read through the region's
 * own row layer, not the SDK, so a test can move many rows quickly.
 */
final class ReferenceRegions implements AutoCloseable {
    private final Map<String, ReferenceRegion> regions = new LinkedHashMap<>();
    private final Map<String, List<XRegionAgent>> agents = new LinkedHashMap<>();
    private InJvmConnector connector;
    private Set<Mutant> mutants;

    /** Regions {@code names} under {@code dir}, with {@code groupSize} agents each, running {@code mutants}. */
    static ReferenceRegions start(Path dir, int groupSize, Set<Mutant> mutants, String... names) {
        ReferenceRegions r = new ReferenceRegions();
        for (String n : names) {
            r.regions.put(n, ReferenceRegion.start(RegionOptions.of(dir.resolve(n.toLowerCase(Locale.ROOT)))
                .withName(n).withStoreName(store(n)).withMutants(mutants)));
        }
        for (String n : names) {
            r.admin(n, "SET LOCAL REGION " + n);
            for (String other : names) {
                if (!other.equals(n)) {
                    r.admin(n, "CREATE REGION " + other);
                }
            }
        }
        Map<String, RegionStore> stores = new LinkedHashMap<>();
        r.regions.forEach((n, region) -> stores.put(store(n), region.store()));
        r.connector = new InJvmConnector(stores::get, Clock.systemUTC(), mutants, Function.identity());
        r.mutants = mutants;
        for (String n : names) {
            List<XRegionAgent> group = new ArrayList<>();
            for (int id = 0; id < groupSize; id++) {
                group.add(r.started(config(n, names, groupSize, id, dir)));
            }
            r.agents.put(n, group);
        }
        return r;
    }

    private static String store(String region) {
        return "OUG" + region;
    }

    private static AgentConfig config(String region, String[] names, int groupSize, int id, Path dir) {
        StringBuilder remotes = new StringBuilder();
        for (String other : names) {
            if (!other.equals(region)) {
                remotes.append(remotes.length() == 0 ? "" : ",").append("{\"name\":\"").append(other)
                    .append("\",\"store\":\"").append(store(other)).append("\",\"helpers\":[\"localhost:6000\"]}");
            }
        }
        return AgentConfig.parse("{\"path\":\"" + dir.resolve("xrs") + "\",\"agentGroupSize\":" + groupSize
            + ",\"agentId\":" + id + ",\"region\":\"" + region + "\",\"store\":\"" + store(region)
            + "\",\"helpers\":[\"localhost:5000\"],\"regions\":[" + remotes + "],\"statsIntervalSecs\":1}", "test");
    }

    private XRegionAgent started(AgentConfig config) {
        XRegionAgent a = new XRegionAgent(config, connector, Clock.systemUTC(), mutants);
        a.start();
        return a;
    }

    /** Kills the region's agents, as a crash would, and starts new ones on the same configs. */
    void restartAgents(String region) {
        List<XRegionAgent> group = agents.get(region);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).kill();
            group.set(i, started(group.get(i).config()));
        }
    }

    ReferenceRegion region(String name) {
        return regions.get(name);
    }

    List<XRegionAgent> agents(String region) {
        return agents.get(region);
    }

    String admin(String region, String statement) {
        return regions.get(region).admin().execute("execute '" + statement + "'");
    }

    void ddl(String region, String statement) {
        regions.get(region).sql().executeTableDdl(statement);
    }

    /** Upserts rows {@code id = from .. to-1} with {@code v} naming the writing region. */
    void write(String region, String table, int from, int to) {
        ReferenceRegion r = regions.get(region);
        for (int id = from; id < to; id++) {
            r.rows().put(PutOp.upsert(table, new MapValue().put("id", id).put("v", "from " + region)));
        }
    }

    /** The ids of the table's live rows in {@code region}; empty when it has no such table. */
    Set<Integer> ids(String region, String table) {
        ReferenceRegion r = regions.get(region);
        long now = r.rows().now();
        return r.store().read(txn -> {
            Set<Integer> out = new TreeSet<>();
            TableSchema t = txn.table(table).orElse(null);
            if (t != null) {
                txn.scan(t, List.of(), null, (key, row) -> {
                    if (r.rows().visible(row, now)) {
                        out.add(row.value().getInt("id"));
                    }
                    return true;
                });
            }
            return out;
        });
    }

    /**
     * The initialisation states the region's agents last reported for {@code table} copied from
     * {@code from} (statistics every second), by agent id, for each agent that reported one.
     */
    Map<String, String> initialisation(String region, String table, String from) {
        String json = regions.get(region).admin().execute("show mrtable-agent-statistics -table " + table + " -json");
        Map<String, String> out = new TreeMap<>();
        try {
            new ObjectMapper().readTree(json).path("returnValue").fields().forEachRemaining(agent -> {
                JsonNode state = agent.getValue().path("statistics").path("initialization").path(from).path("state");
                if (!state.isMissingNode()) {
                    out.put(agent.getKey(), state.asText());
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statistics are not JSON: " + json, e);
        }
        return out;
    }

    /** Agents first, so that none reads a closing store. */
    @Override
    public void close() {
        agents.values().forEach(group -> group.forEach(XRegionAgent::close));
        regions.values().forEach(ReferenceRegion::close);
    }
}
