package io.mrtck.topology.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

import io.mrtck.topology.AdminAccess;
import io.mrtck.topology.Agent;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.WorkshopFiles;
import io.mrtck.topology.kvhome.WorkshopFiles.StoreAddress;

/**
 * The {@code containers} target: per region a {@link RegionContainer} (store + HTTP proxy)
 * and an {@link AgentContainer}, on one network of their own, from a KVHOME's images.
 * Region i's store is {@code node<i>-nosql:5000}, the workshop's host names. Container logs
 * go to {@code target/mrtck-topologies/containers-<time>/}. Fault hooks: agent pause/kill/
 * restart, link cut (unreachable routes in both agents), latency ({@code tc netem} in the
 * reading agent), region restart (docker restart; the store keeps its data).
 */
public final class ContainersTopology implements Topology {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Network network;
    private final List<RegionContainer> regions = new ArrayList<>();
    private final List<AgentContainer> agents = new ArrayList<>();
    private final Path dir;
    private final Thread shutdownHook = new Thread(this::close, "mrtck-containers-shutdown");
    private volatile boolean closed;
    /** Known once the agents run: tc netem needs the host kernel's support. */
    private volatile Set<Capability> capabilities = Set.of();

    private ContainersTopology(Network network, Path dir) {
        this.network = network;
        this.dir = dir;
    }

    /** Why the target cannot run here (no Docker engine), or empty. */
    public static Optional<String> unavailable() {
        // A DOCKER_HOST that names no engine is the user's choice: do not fall back to another socket.
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && dockerHost.startsWith("unix://")
            && !Files.exists(Path.of(dockerHost.substring("unix://".length())))) {
            return Optional.of("the containers target needs a running Docker engine: DOCKER_HOST=" + dockerHost
                + " names no socket (start dockerd, or unset DOCKER_HOST)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.of("the containers target needs a running Docker engine: " + e.getMessage());
        }
        return Optional.of("the containers target needs a running Docker engine, and none answers (DOCKER_HOST="
            + System.getenv("DOCKER_HOST") + "; start dockerd, see README Targets)");
    }

    /** Builds (or reuses) the images and starts the topology; on failure removes what it started and rethrows. */
    public static ContainersTopology start(TopologySpec spec, Kvhome kvhome) {
        spec.requireOneAgentPerRegion("containers");
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        String base = KvhomeImages.baseImage();
        KvhomeImages.checkBase(base);
        String regionImage = KvhomeImages.image("region", kvhome, base);
        String agentImage = KvhomeImages.image("agent", kvhome, base);
        Path base0 = spec.root() != null ? spec.root() : Path.of("target", "mrtck-topologies");
        Path dir = base0.resolve("containers-" + LocalDateTime.now().format(STAMP)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContainersTopology t = new ContainersTopology(Network.newNetwork(), dir);
        Runtime.getRuntime().addShutdownHook(t.shutdownHook); // the last resort (no Ryuk here)
        try {
            List<StoreAddress> addresses = new ArrayList<>();
            for (int i = 0; i < spec.regions().size(); i++) {
                TopologySpec.RegionSpec r = spec.regions().get(i);
                StoreAddress a = new StoreAddress(r.name(), r.storeName(), "node" + (i + 1) + "-nosql",
                    RegionContainer.STORE_PORT);
                addresses.add(a);
                RegionContainer c = new RegionContainer(regionImage, t.network, r.name(), r.storeName(), a.host(),
                    freePort(), dir.resolve(r.name() + "-region.log"));
                if (!spec.mutants().isEmpty()) {
                    c.withEnv("JAVA_TOOL_OPTIONS", "-Dmrtck.mutant=" + mutants(spec));
                }
                t.regions.add(c);
            }
            inParallel(t.regions, GenericContainer::start);
            for (StoreAddress a : addresses) {
                List<StoreAddress> remotes = addresses.stream().filter(o -> o != a).toList();
                String json = WorkshopFiles.agentConfig("/kvxrs", a, remotes, spec.statsIntervalSecs());
                AgentContainer agent = new AgentContainer(agentImage, t.network, a.region(), json,
                    dir.resolve(a.region() + "-agent.log"));
                if (!spec.mutants().isEmpty()) {
                    agent.withEnv("JAVA_TOOL_OPTIONS", "-Dmrtck.mutant=" + mutants(spec));
                }
                t.agents.add(agent);
            }
            inParallel(t.agents, GenericContainer::start);
            Set<Capability> caps = EnumSet.of(Capability.PAUSE_AGENT, Capability.KILL_AGENT, Capability.PARTITION,
                Capability.RESTART_REGION);
            if (t.agents.get(0).canDelay()) {
                caps.add(Capability.LATENCY);
            } else {
                System.err.println("mrtck containers target: no LATENCY fault: this host's kernel lacks the prio/netem "
                    + "queueing disciplines that tc netem needs (CONFIG_NET_SCH_NETEM, CONFIG_NET_SCH_PRIO)");
            }
            t.capabilities = Set.copyOf(caps);
            inParallel(t.regions, c -> c.loadScript(RegionContainer.scriptName(c.store()), RegionContainer.regionScript(
                c.region(), t.regions.stream().filter(o -> o != c).map(RegionContainer::region).toList())));
            return t;
        } catch (RuntimeException | Error e) {
            t.close();
            throw e;
        }
    }

    private static String mutants(TopologySpec spec) {
        return String.join(",", spec.mutants().stream().map(Enum::name).toList());
    }

    private static <T> void inParallel(List<T> items, java.util.function.Consumer<T> step) {
        try {
            CompletableFuture.allOf(items.stream().map(i -> CompletableFuture.runAsync(() -> step.accept(i)))
                .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public List<Region> regions() {
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            out.add(new ContainerRegion(regions.get(i), agents.get(i)));
        }
        return out;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Each side's agent gets an unreachable route to the other side's store. */
    @Override
    public void partition(String a, String b) {
        cut(a, b, true);
    }

    @Override
    public void heal(String a, String b) {
        cut(a, b, false);
    }

    private void cut(String a, String b, boolean cut) {
        int ia = index(a);
        int ib = index(b);
        agents.get(ia).cut(ip(regions.get(ib)), cut);
        agents.get(ib).cut(ip(regions.get(ia)), cut);
    }

    @Override
    public void addLatency(String from, String to, Duration latency) {
        if (!capabilities.contains(Capability.LATENCY)) {
            throw new UnsupportedOperationException("no tc netem on this host's kernel (CONFIG_NET_SCH_NETEM, CONFIG_NET_SCH_PRIO)");
        }
        agents.get(index(to)).delay(List.of(ip(regions.get(index(from)))), latency);
    }

    private int index(String name) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).region().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no region " + name + "; regions: "
            + regions.stream().map(RegionContainer::region).toList());
    }

    private String ip(RegionContainer c) {
        return c.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
            .filter(n -> n.getNetworkID().equals(network.getId())).findFirst()
            .orElseThrow(() -> new IllegalStateException(c + " is not on the topology's network")).getIpAddress();
    }

    /** Removes every container and the network; each step runs even when another failed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: we are the hook
        }
        List<GenericContainer<?>> all = new ArrayList<>(agents);
        all.addAll(regions);
        for (GenericContainer<?> c : all) {
            try {
                if (c.getContainerId() != null) {
                    var state = DockerClientFactory.instance().client().inspectContainerCmd(c.getContainerId()).exec().getState();
                    if (Boolean.TRUE.equals(state.getPaused())) {
                        DockerClientFactory.instance().client().unpauseContainerCmd(c.getContainerId()).exec();
                    }
                }
            } catch (RuntimeException e) {
                // removing it anyway
            }
            try {
                c.stop();
            } catch (RuntimeException e) {
                // the others still go
            }
        }
        try {
            network.close();
        } catch (RuntimeException e) {
            // nothing more to do
        }
    }

    /** A region as the SPI sees it: its container and its agent's container. */
    private record ContainerRegion(RegionContainer c, AgentContainer agentContainer) implements Region {
        @Override
        public String name() {
            return c.region();
        }

        @Override
        public String storeName() {
            return c.store();
        }

        @Override
        public String endpoint() {
            return c.endpoint();
        }

        @Override
        public AdminAccess admin() {
            return line -> c.admin(WorkshopFiles.adminWords(line));
        }

        @Override
        public Agent agent() {
            return agentContainer.asAgent();
        }

        /** docker restart: the entry script finds the store deployed and starts it again. */
        @Override
        public void restart() {
            DockerClientFactory.instance().client().restartContainerCmd(c.getContainerId()).withTimeout(30).exec();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!c.pingAnswers()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("region " + name() + " did not answer ping after restart");
                }
            }
            io.mrtck.topology.kvhome.SdkReadiness.await(endpoint(), Duration.ofSeconds(60), "region " + name() + " after restart");
        }

        @Override
        public void skewClock(Duration offset) {
            throw new UnsupportedOperationException("the containers target cannot skew a region's clock (containers share the host's)");
        }

        @Override
        public void freezeClock(Instant at) {
            throw new UnsupportedOperationException("the containers target cannot freeze a region's clock");
        }

        @Override
        public String toString() {
            return c.toString();
        }
    }
}
