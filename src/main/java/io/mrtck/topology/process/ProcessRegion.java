package io.mrtck.topology.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.mrtck.topology.AdminAccess;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Agent;
import io.mrtck.topology.kvhome.KvCommands;
import io.mrtck.topology.Region;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.SdkReadiness;
import io.mrtck.topology.kvhome.WorkshopFiles;
import io.mrtck.topology.kvhome.WorkshopFiles.StoreAddress;

/**
 * One region as the workshop runs it on a bare server: {@code makebootconfig} + {@code start}
 * (the storage node, in the background), {@code runadmin load -file} (the 1x1 deployment),
 * {@code httpproxy.jar} (the SDK endpoint), {@code xrstart -bg} (the agent) and the region
 * script. Each process's output goes to a log file of the topology's directory.
 */
final class ProcessRegion implements Region {
    static final Duration READY = Duration.ofSeconds(90);
    private static final Duration COMMAND = Duration.ofSeconds(120);

    private final Kvhome kvhome;
    private final KvCommands kv;
    private final StoreAddress address;
    private final int proxyPort;
    private final Path root;
    private ProcessAgent agent;
    private Process store;
    private Process proxy;

    ProcessRegion(Kvhome kvhome, KvCommands kv, StoreAddress address, int proxyPort, Path dir) {
        this.kvhome = kvhome;
        this.kv = kv;
        this.address = address;
        this.proxyPort = proxyPort;
        this.root = dir.resolve("kvroot");
    }

    /** Boot config, storage node, 1x1 deployment, proxy: ready when ping and the SDK answer. */
    void deploy() {
        createRoot(); // a real makebootconfig refuses a KVROOT that does not exist yet
        kv.require(COMMAND, List.of("makebootconfig", "-root", root.toString(), "-port", Integer.toString(address.port()),
            "-host", address.host(), "-harange", (address.port() + 10) + "," + (address.port() + 20),
            "-store-security", "none", "-force"));
        startStore();
        Path script = write(root.getParent().resolve(address.store() + "_config1x1.kvs"),
            WorkshopFiles.deploymentScript(address));
        kv.require(COMMAND, List.of("runadmin", "-port", Integer.toString(address.port()), "-host", address.host(),
            "load", "-file", script.toString()));
        proxy = kv.spawn(kvhome.httpproxyJar(), List.of("-storeName", address.store(), "-helperHosts", address.helper(),
            "-httpPort", Integer.toString(proxyPort)), name() + "-proxy.log");
        SdkReadiness.await(endpoint(), READY, "region " + name());
    }

    /** The workshop's step 2: the region script through {@code runadmin -store S load -file}. */
    void declareRegions(List<String> others) {
        Path script = write(root.getParent().resolve(address.store() + ".kvs"),
            WorkshopFiles.regionScript(name(), others));
        kv.require(COMMAND, adminArgs(List.of("load", "-file", script.toString())));
    }

    /** @param agentPath the config's {@code path}, under which xrstart writes the agent's pid file */
    void startAgent(Path config, Path agentPath) {
        agent = new ProcessAgent(kv, config, AgentPidFile.of(agentPath, name(), WorkshopFiles.AGENT_GROUP_SIZE,
            WorkshopFiles.AGENT_ID), "XRegionService-" + WorkshopFiles.AGENT_GROUP_SIZE + "_" + WorkshopFiles.AGENT_ID);
        agent.start();
    }

    private void createRoot() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the KVROOT " + root + " of region " + name(), e);
        }
    }

    private void startStore() {
        store = kv.spawn(kvhome.kvstoreJar(), List.of("start", "-root", root.toString()), name() + "-store.log");
        awaitPing();
    }

    /** {@code ping -host -port} until it answers; fails at once when the store process died. */
    private void awaitPing() {
        long deadline = System.nanoTime() + READY.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!store.isAlive()) {
                throw new IllegalStateException("the store of region " + name() + " exited with " + store.exitValue()
                    + "; see " + kv.logDir().resolve(name() + "-store.log") + ":\n" + tail(name() + "-store.log"));
            }
            KvCommands.Result r = kv.run(COMMAND, List.of("ping", "-host", address.host(), "-port",
                Integer.toString(address.port())));
            if (r.exit() == 0) {
                return;
            }
            last = r.output();
        }
        throw new IllegalStateException("the store of region " + name() + " did not answer ping within "
            + READY.toSeconds() + " s: " + last);
    }

    private String tail(String log) {
        try {
            List<String> lines = Files.readAllLines(kv.logDir().resolve(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private List<String> adminArgs(List<String> command) {
        List<String> args = new ArrayList<>(List.of("runadmin", "-host", address.host(), "-port",
            Integer.toString(address.port()), "-store", address.store()));
        args.addAll(command);
        return args;
    }

    @Override
    public String name() {
        return address.region();
    }

    @Override
    public String storeName() {
        return address.store();
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + proxyPort;
    }

    @Override
    public AdminAccess admin() {
        return commandLine -> {
            KvCommands.Result r = kv.run(COMMAND, adminArgs(WorkshopFiles.adminWords(commandLine)));
            if (r.exit() != 0) {
                throw new AdminCommandException(r.output().strip());
            }
            return r.output().strip();
        };
    }

    @Override
    public Agent agent() {
        return agent;
    }

    ProcessAgent processAgent() {
        return agent;
    }

    /** {@code stop -root}, then {@code start -root} on the same data; the proxy relays to it again. */
    @Override
    public synchronized void restart() {
        stopStore();
        startStore();
        SdkReadiness.await(endpoint(), READY, "region " + name() + " after restart");
    }

    @Override
    public void skewClock(Duration offset) {
        if (offset.isZero()) {
            return; // real time is what the processes run on already
        }
        throw new UnsupportedOperationException("the process target cannot skew a region's clock");
    }

    @Override
    public void freezeClock(Instant at) {
        throw new UnsupportedOperationException("the process target cannot freeze a region's clock");
    }

    /** Everything of this region, agent first; each step runs even when an earlier one failed. */
    synchronized void close() {
        try {
            if (agent != null) {
                agent.stop();
            }
        } finally {
            try {
                destroy(proxy);
            } finally {
                stopStore();
            }
        }
    }

    private void stopStore() {
        if (store == null || !store.isAlive()) {
            return;
        }
        try {
            kv.run(COMMAND, List.of("stop", "-root", root.toString()));
        } finally {
            destroy(store);
        }
    }

    private static void destroy(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "region " + name() + " (store " + storeName() + " at " + address.helper() + ", SDK " + endpoint() + ")";
    }
}
