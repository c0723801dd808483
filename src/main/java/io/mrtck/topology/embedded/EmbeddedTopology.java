package io.mrtck.topology.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.reference.agent.AgentConfig;
import io.mrtck.reference.agent.InJvmConnector;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;

/**
 * The {@code embedded} target: every region is a {@link io.mrtck.reference.ReferenceRegion}
 * in this JVM with its reference XRegion agent; agents read each other's regions through
 * {@link FaultyLink}s, so partitions and latency are exact and per directed link.
 *
 * <p>Set-up follows the workshop: regions first, then in each region {@code SET LOCAL
 * REGION} and {@code CREATE REGION} for every other one (through its admin), and
 * {@code agentGroupSize} agents per region configured as {@code xrstart} would be.
 */
public final class EmbeddedTopology implements Topology {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopologySpec spec;
    private final Path root;
    private final boolean ownsRoot;
    private final List<EmbeddedRegion> regions = new ArrayList<>();
    private final List<EmbeddedAgent> agents = new ArrayList<>();
    private final LinkFaults links = new LinkFaults();
    private boolean closed;

    private EmbeddedTopology(TopologySpec spec, Path root, boolean ownsRoot) {
        this.spec = spec;
        this.root = root;
        this.ownsRoot = ownsRoot;
    }

    /** Starts every region and agent of {@code spec}; on failure releases what it started, then throws. */
    public static EmbeddedTopology start(TopologySpec spec) {
        Path root;
        boolean owns = spec.root() == null;
        try {
            root = owns ? Files.createTempDirectory("mrtck-topology-") : Files.createDirectories(spec.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the topology root " + spec.root(), e);
        }
        EmbeddedTopology t = new EmbeddedTopology(spec, root, owns);
        try {
            t.startAll();
            return t;
        } catch (RuntimeException | Error e) {
            try {
                t.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void startAll() {
        for (TopologySpec.RegionSpec r : spec.regions()) {
            regions.add(EmbeddedRegion.start(r, root.resolve(r.name().toLowerCase(Locale.ROOT)), spec.mutants()));
        }
        for (EmbeddedRegion r : regions) {
            declareRegions(r);
        }
        for (EmbeddedRegion r : regions) {
            InJvmConnector connector = new InJvmConnector(this::storeNamed, r.clock(), spec.mutants(),
                remote -> new FaultyLink(remote, r.name(), links));
            List<EmbeddedAgent> group = new ArrayList<>();
            for (int id = 0; id < spec.agentGroupSize(); id++) {
                Path file = r.directory().resolve(id == 0 ? "xrs/json.config" : "xrs/json." + id + ".config");
                AgentConfig config = AgentConfig.parse(xrstartConfig(r, id, file), file.toString());
                group.add(new EmbeddedAgent(config, connector, r.clock(), spec.mutants()));
            }
            r.attach(group);
            agents.addAll(group);
            group.forEach(EmbeddedAgent::start);
        }
    }

    /** The workshop's region script: the local region, then every other one as remote. */
    private void declareRegions(EmbeddedRegion r) {
        r.admin().execute("execute 'SET LOCAL REGION " + r.name() + "'");
        for (EmbeddedRegion other : regions) {
            if (other == r) {
                continue;
            }
            try {
                r.admin().execute("execute 'CREATE REGION " + other.name() + "'");
            } catch (AdminCommandException e) {
                // a reused root already knows its regions
                if (!e.getMessage().contains("already exists")) {
                    throw e;
                }
            }
        }
    }

    /** The config of agent {@code agentId} of the region's group, as the workshop's json.config would have it. */
    private String xrstartConfig(EmbeddedRegion r, int agentId, Path file) {
        ObjectNode c = JSON.createObjectNode();
        c.put("path", r.directory().resolve("xrs").toString());
        c.put("agentGroupSize", spec.agentGroupSize());
        c.put("agentId", agentId);
        c.put("region", r.name());
        c.put("store", r.storeName());
        c.putArray("helpers").add("localhost:" + r.port());
        ArrayNode remotes = c.putArray("regions");
        for (EmbeddedRegion other : regions) {
            if (other != r) {
                ObjectNode o = remotes.addObject();
                o.put("name", other.name());
                o.put("store", other.storeName());
                o.putArray("helpers").add("localhost:" + other.port());
            }
        }
        c.put("statsIntervalSecs", spec.statsIntervalSecs());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, c.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent config of " + r.name(), e);
        }
        return c.toString();
    }

    private RegionStore storeNamed(String storeName) {
        for (EmbeddedRegion r : regions) {
            if (r.storeName().equals(storeName)) {
                return r.currentStore();
            }
        }
        return null;
    }

    public Path root() {
        return root;
    }

    public TopologySpec spec() {
        return spec;
    }

    @Override
    public List<Region> regions() {
        return List.copyOf(regions);
    }

    @Override
    public Region region(String name) {
        return embedded(name);
    }

    private EmbeddedRegion embedded(String name) {
        for (EmbeddedRegion r : regions) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown region " + name + "; this topology has "
            + regions.stream().map(EmbeddedRegion::name).toList());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public void partition(String a, String b) {
        String from = embedded(a).name();
        String to = embedded(b).name();
        links.cut(from, to);
        links.cut(to, from);
    }

    @Override
    public void heal(String a, String b) {
        String from = embedded(a).name();
        String to = embedded(b).name();
        links.restore(from, to);
        links.restore(to, from);
    }

    @Override
    public void addLatency(String from, String to, Duration latency) {
        links.delay(embedded(from).name(), embedded(to).name(), latency);
    }

    /** Agents first (so none reads a closing store), then regions, then the root if it is ours. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (EmbeddedAgent a : agents) {
            try {
                a.close();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        for (EmbeddedRegion r : regions) {
            try {
                r.close();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        if (ownsRoot) {
            try {
                deleteTree(root);
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the topology root " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedTopology" + regions + " in " + root;
    }
}
