package io.mrtck.topology.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;

import io.mrtck.topology.Agent;

/**
 * One region's XRegion agent container ({@code xrstart -config /kvxrs/json.config} in the
 * foreground). Ready when {@code xrstatus} says it runs. Faults act on the container: pause
 * and unpause (the cgroup freezer), kill (SIGKILL) and start again on the same checkpoint,
 * and, with NET_ADMIN, unreachable routes and {@code tc netem} delay towards given hosts.
 */
final class AgentContainer extends GenericContainer<AgentContainer> {
    private static final String CONFIG = "/kvxrs/json.config";
    private final String region;

    AgentContainer(String image, Network network, String region, String configJson, Path log) {
        super(image);
        this.region = region;
        withNetwork(network);
        withNetworkAliases("xrs-" + region.toLowerCase(java.util.Locale.ROOT));
        withCopyToContainer(Transferable.of(configJson), CONFIG);
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(com.github.dockerjava.api.model.Capability.NET_ADMIN));
        withLogConsumer(new ContainerLog(log));
        waitingFor(new Ready().withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** The {@link Agent} fault hooks of this container (kept apart: GenericContainer has its own isRunning). */
    Agent asAgent() {
        return new Agent() {
            @Override
            public String id() {
                return "XRegionService-1_0";
            }

            @Override
            public void pause() {
                pauseAgent();
            }

            @Override
            public void resume() {
                resumeAgent();
            }

            @Override
            public void kill() {
                killAgent();
            }

            @Override
            public void restart() {
                restartAgent();
            }

            @Override
            public boolean isRunning() {
                return agentRunning();
            }

            @Override
            public String toString() {
                return AgentContainer.this.toString();
            }
        };
    }

    synchronized void pauseAgent() {
        DockerClientFactory.instance().client().pauseContainerCmd(getContainerId()).exec();
    }

    synchronized void resumeAgent() {
        DockerClientFactory.instance().client().unpauseContainerCmd(getContainerId()).exec();
    }

    synchronized void killAgent() {
        if (paused()) {
            resumeAgent();
        }
        DockerClientFactory.instance().client().killContainerCmd(getContainerId()).exec();
    }

    /** Kills the container if it runs and starts it again: xrstart resumes from its checkpoint. */
    synchronized void restartAgent() {
        if (running()) {
            killAgent();
        }
        DockerClientFactory.instance().client().startContainerCmd(getContainerId()).exec();
        new Ready().withStartupTimeout(Duration.ofSeconds(60)).waitUntilReady(this);
    }

    synchronized boolean agentRunning() {
        return running() && !paused() && exec("java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/kvhome/lib/kvstore.jar",
            "xrstatus", "-config", CONFIG).getExitCode() == 0;
    }

    private boolean running() {
        Boolean r = DockerClientFactory.instance().client().inspectContainerCmd(getContainerId()).exec().getState().getRunning();
        return Boolean.TRUE.equals(r);
    }

    private boolean paused() {
        Boolean p = DockerClientFactory.instance().client().inspectContainerCmd(getContainerId()).exec().getState().getPaused();
        return Boolean.TRUE.equals(p);
    }

    /** Makes {@code ip} unreachable from this agent (a cut link), or reachable again. */
    void cut(String ip, boolean cut) {
        ExecResult r = exec("ip", "route", cut ? "add" : "del", "unreachable", ip + "/32");
        if (r.getExitCode() != 0 && cut) {
            throw new IllegalStateException("cannot cut the link to " + ip + " in agent " + region + ": " + r.getStderr());
        }
    }

    /** Delays what this agent sends to {@code ips} by {@code delay} (netem on a prio band); zero removes it. */
    void delay(List<String> ips, Duration delay) {
        exec("tc", "qdisc", "del", "dev", "eth0", "root");
        if (delay.isZero() || ips.isEmpty()) {
            return;
        }
        tc("qdisc", "add", "dev", "eth0", "root", "handle", "1:", "prio");
        tc("qdisc", "add", "dev", "eth0", "parent", "1:3", "handle", "30:", "netem", "delay", delay.toMillis() + "ms");
        for (String ip : ips) {
            tc("filter", "add", "dev", "eth0", "protocol", "ip", "parent", "1:0", "prio", "3", "u32", "match", "ip", "dst",
                ip + "/32", "flowid", "1:3");
        }
    }

    /**
     * Whether this kernel has the queueing disciplines the delay needs (prio, netem): the
     * container shares the host's kernel, and some kernels are built without them.
     */
    boolean canDelay() {
        boolean ok = exec("tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:", "prio").getExitCode() == 0
            && exec("tc", "qdisc", "add", "dev", "lo", "parent", "1:3", "handle", "30:", "netem", "delay", "1ms").getExitCode() == 0;
        exec("tc", "qdisc", "del", "dev", "lo", "root");
        return ok;
    }

    private void tc(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "tc";
        System.arraycopy(args, 0, cmd, 1, args.length);
        ExecResult r = exec(cmd);
        if (r.getExitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed in agent " + region + ": " + r.getStderr());
        }
    }

    private ExecResult exec(String... cmd) {
        try {
            return execInContainer(cmd);
        } catch (IOException e) {
            throw new IllegalStateException("cannot exec in agent " + region + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** xrstatus inside the container exits 0. */
    private final class Ready extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (exec("java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/kvhome/lib/kvstore.jar", "xrstatus", "-config", CONFIG)
                .getExitCode() != 0) {
                if (System.nanoTime() > deadline || !running()) {
                    throw new IllegalStateException("agent of " + region + " not running after "
                        + startupTimeout.toSeconds() + " s; its log:\n" + getLogs());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "agent of " + region;
    }
}
