package io.mrtck.topology.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import io.mrtck.reference.Mutant;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.topology.kvhome.KvCommands;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.WorkshopFiles;
import io.mrtck.topology.kvhome.WorkshopFiles.StoreAddress;

/**
 * The {@code process} target: a topology started from a KVHOME as local processes, with
 * the workshop's commands, on localhost. Regions deploy in parallel; then the agents start
 * ({@code xrstart -bg}) and each region's script declares the regions. Everything runs
 * under {@code target/mrtck-topologies/process-<time>/} with one log per process and
 * {@code commands.log} (every command and its output). Fault hooks: agent pause/resume
 * (SIGSTOP/SIGCONT), kill and restart, region restart; links and clocks are not reachable
 * from outside the processes, so partition, latency and clock skew are not offered.
 */
public final class ProcessTopology implements Topology {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final List<ProcessRegion> regions;
    private final Path dir;
    private final Thread shutdownHook;
    /** Known once the agents run: signals need their pids. */
    private volatile Set<Capability> capabilities;
    private volatile boolean closed;

    private ProcessTopology(List<ProcessRegion> regions, Path dir, Set<Capability> capabilities) {
        this.regions = regions;
        this.dir = dir;
        this.capabilities = capabilities;
        this.shutdownHook = new Thread(this::close, "mrtck-process-topology-shutdown");
    }

    /** Starts {@code spec}'s regions from {@code kvhome}; on any failure stops what started and rethrows. */
    public static ProcessTopology start(TopologySpec spec, Kvhome kvhome) {
        spec.requireOneAgentPerRegion("process");
        Path base = spec.root() != null ? spec.root() : Path.of("target", "mrtck-topologies");
        Path dir = base.resolve("process-" + LocalDateTime.now().format(STAMP)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (!spec.mutants().isEmpty()) {
            jvm.add("-Dmrtck.mutant=" + spec.mutants().stream().map(Mutant::name).collect(Collectors.joining(",")));
        }
        KvCommands kv = new KvCommands(kvhome, dir, jvm);
        List<StoreAddress> addresses = new ArrayList<>();
        List<ProcessRegion> regions = new ArrayList<>();
        for (TopologySpec.RegionSpec r : spec.regions()) {
            StoreAddress a = new StoreAddress(r.name(), r.storeName(), "localhost", freePort());
            addresses.add(a);
            regions.add(new ProcessRegion(kvhome, kv, a, freePort(), dir.resolve(r.name())));
        }
        ProcessTopology t = new ProcessTopology(List.copyOf(regions), dir, EnumSet.noneOf(Capability.class));
        Runtime.getRuntime().addShutdownHook(t.shutdownHook); // the last resort if the JVM ends first
        try {
            inParallel(regions, ProcessRegion::deploy);
            inParallel(regions, r -> {
                StoreAddress local = addresses.get(regions.indexOf(r));
                List<StoreAddress> remotes = addresses.stream().filter(a -> a != local).toList();
                Path xrs = dir.resolve(r.name()).resolve("xrshome");
                Path config = writeAgentConfig(xrs, local, remotes, spec.statsIntervalSecs());
                r.startAgent(config, xrs);
                r.declareRegions(remotes.stream().map(StoreAddress::region).toList());
            });
            boolean signals = regions.stream().allMatch(r -> r.processAgent().canSignal());
            Set<Capability> caps = EnumSet.of(Capability.RESTART_REGION);
            if (signals) {
                caps.add(Capability.PAUSE_AGENT);
                caps.add(Capability.KILL_AGENT);
            }
            t.capabilities = Set.copyOf(caps);
            return t;
        } catch (RuntimeException | Error e) {
            t.close();
            throw e;
        }
    }

    private static Path writeAgentConfig(Path xrs, StoreAddress local, List<StoreAddress> remotes, int statsSecs) {
        try {
            Files.createDirectories(xrs);
            // the workshop: cp ${KVSTORE}_template.json $KVXRS/json.config
            return Files.writeString(xrs.resolve("json.config"),
                WorkshopFiles.agentConfig(xrs.toString(), local, remotes, statsSecs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inParallel(List<ProcessRegion> regions, java.util.function.Consumer<ProcessRegion> step) {
        List<CompletableFuture<Void>> all = regions.stream()
            .map(r -> CompletableFuture.runAsync(() -> step.accept(r))).toList();
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Where the logs of every process are. */
    public Path directory() {
        return dir;
    }

    @Override
    public List<Region> regions() {
        return List.copyOf(regions);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void partition(String a, String b) {
        throw new UnsupportedOperationException("the process target cannot cut links between local processes");
    }

    @Override
    public void heal(String a, String b) {
        throw new UnsupportedOperationException("the process target cannot cut links between local processes");
    }

    @Override
    public void addLatency(String from, String to, Duration latency) {
        throw new UnsupportedOperationException("the process target cannot add latency between local processes");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: we are the hook
        }
        // regions stop in parallel (each is a few JVM launches: xrstop, stop); every one is tried
        List<CompletableFuture<Void>> stops = regions.stream()
            .map(r -> CompletableFuture.runAsync(r::close)).toList();
        RuntimeException first = null;
        for (CompletableFuture<Void> f : stops) {
            try {
                f.join();
            } catch (CompletionException e) {
                first = first == null ? (e.getCause() instanceof RuntimeException re ? re : e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "process topology " + regions.stream().map(r -> r.name().toUpperCase(Locale.ROOT)).toList() + " in " + dir;
    }
}
