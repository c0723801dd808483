package io.mrtck.reference.kvhome;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.agent.AgentConfig;
import io.mrtck.reference.agent.HttpRegionConnector;
import io.mrtck.reference.agent.XRegionAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xrstart}, {@code xrstop}, {@code xrstatus}: the XRegion agent as its own process,
 * reading the xrstart JSON config. A broken config is refused before anything starts.
 */
final class AgentCommands {
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private AgentCommands() {
    }

    /**
     * The agent's pid file where the real {@code xrstart} writes it: {@code
     * <path>/<REGION>.<group>.<id>/<REGION>.<group>.<id>.pid} (e.g. {@code FR.1.0/FR.1.0.pid}).
     */
    static PidFile pidFile(AgentConfig config) {
        String name = config.region() + "." + config.agentGroupSize() + "." + config.agentId();
        return new PidFile(Path.of(config.path()).toAbsolutePath().resolve(name).resolve(name + ".pid"));
    }

    @Command(name = "xrstart", description = "Start the cross-region (XRegion) agent of a config.")
    static final class XrStart implements Callable<Integer> {
        @Option(names = "-config", required = true) Path configFile;
        @Option(names = "-bg", description = "Start in the background and return once the agent runs.") boolean bg;
        @Option(names = "-force", description = "Stop an agent already running on this config first.") boolean force;

        @Override
        public Integer call() throws Exception {
            AgentConfig config = AgentConfig.read(configFile); // refuses a broken config before anything starts
            PidFile pid = pidFile(config);
            Optional<ProcessHandle> running = pid.process();
            if (running.isPresent()) {
                if (!force) {
                    throw new IllegalStateException("agent " + config.serviceId() + " of region " + config.region()
                        + " already runs (pid " + running.get().pid() + "); xrstop -config " + configFile + " first, or -force");
                }
                PidFile.stop(running.get(), Duration.ofSeconds(30));
            }
            Files.createDirectories(Path.of(config.path()));
            return bg ? background(config, pid) : foreground(config, pid);
        }

        private int foreground(AgentConfig config, PidFile pid) throws InterruptedException {
            XRegionAgent agent = new XRegionAgent(config, new HttpRegionConnector(), Clock.systemUTC(),
                Mutant.fromProperty());
            agent.start();
            pid.claim();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                stopped.countDown();
            }, "mrtck-agent-shutdown"));
            System.out.println("Cross-region agent " + config.serviceId() + " (region=" + config.region() + ", store="
                + config.store() + ", helpers=" + config.helpers() + ") started from config file=" + configFile);
            System.out.flush();
            stopped.await();
            return 0;
        }

        /** The same command without -bg as a child process; returns once its pid file names it. */
        private int background(AgentConfig config, PidFile pid) throws Exception {
            Path log = Path.of(config.path()).toAbsolutePath().resolve("xrstart-" + config.serviceId() + ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            String mutant = System.getProperty("mrtck.mutant");
            if (mutant != null) {
                cmd.add("-Dmrtck.mutant=" + mutant);
            }
            cmd.add("-cp");
            cmd.add(absoluteClassPath());
            cmd.add(KvStore.class.getName());
            cmd.add("xrstart");
            cmd.add("-config");
            cmd.add(configFile.toAbsolutePath().toString());
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (pid.process().map(p -> p.pid() == child.pid()).orElse(false)) {
                    System.out.println("Cross-region agent " + config.serviceId() + " (region=" + config.region()
                        + ") started in the background, pid " + child.pid() + ", log " + log);
                    return 0;
                }
                if (child.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the agent exited with " + child.exitValue() + " at start; see " + log
                        + ":\n" + Files.readString(log));
                }
            }
            child.destroyForcibly();
            throw new IllegalStateException("the agent did not start within " + START_WAIT.toSeconds() + " s; see " + log);
        }

        private static String absoluteClassPath() {
            List<String> out = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                out.add(Path.of(e).toAbsolutePath().toString());
            }
            return String.join(File.pathSeparator, out);
        }
    }

    @Command(name = "xrstop", description = "Stop the cross-region agent of a config.")
    static final class XrStop implements Callable<Integer> {
        @Option(names = "-config", required = true) Path configFile;

        @Override
        public Integer call() {
            AgentConfig config = AgentConfig.read(configFile);
            ProcessHandle p = pidFile(config).process().orElseThrow(() -> new IllegalStateException(
                "agent " + config.serviceId() + " of region " + config.region() + " is not running"));
            PidFile.stop(p, Duration.ofSeconds(30));
            System.out.println("Cross-region agent " + config.serviceId() + " (region=" + config.region() + ") stopped");
            return 0;
        }
    }

    @Command(name = "xrstatus", description = "Say whether the cross-region agent of a config runs (exit 0 if so).")
    static final class XrStatus implements Callable<Integer> {
        @Option(names = "-config", required = true) Path configFile;

        @Override
        public Integer call() {
            AgentConfig config = AgentConfig.read(configFile);
            Optional<ProcessHandle> p = pidFile(config).process();
            System.out.println("Cross-region agent " + config.serviceId() + " (region=" + config.region() + ") "
                + p.map(h -> "is running, pid " + h.pid()).orElse("is not running"));
            return p.isPresent() ? 0 : 1;
        }
    }
}
