package io.mrtck.topology.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;

import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.kvhome.SdkReadiness;
import io.mrtck.topology.kvhome.WorkshopFiles;

/**
 * One region's container: the 1x1 store and its HTTP proxy (containers/region). Its network
 * alias is the host name the store advertises; the proxy's port 8080 is bound to a fixed
 * host port so that the SDK endpoint survives a restart. Ready when the admin answers
 * {@code ping} inside the container and the SDK answers through the proxy.
 */
final class RegionContainer extends GenericContainer<RegionContainer> {
    static final int STORE_PORT = 5000;
    static final int HTTP_PORT = 8080;

    private final String region;
    private final String store;
    private final String host;
    private final int hostHttpPort;

    RegionContainer(String image, Network network, String region, String store, String host, int hostHttpPort,
                    Path log) {
        super(image);
        this.region = region;
        this.store = store;
        this.host = host;
        this.hostHttpPort = hostHttpPort;
        withNetwork(network);
        withNetworkAliases(host);
        withCreateContainerCmdModifier(cmd -> cmd.withHostName(host));
        withEnv("KVSTORE", store);
        withEnv("KVHOST", host);
        withExposedPorts(HTTP_PORT);
        setPortBindings(List.of(hostHttpPort + ":" + HTTP_PORT));
        withLogConsumer(new ContainerLog(log));
        waitingFor(new Ready().withStartupTimeout(Duration.ofSeconds(120)));
    }

    String region() {
        return region;
    }

    String store() {
        return store;
    }

    String host() {
        return host;
    }

    String endpoint() {
        return "http://localhost:" + hostHttpPort;
    }

    /** {@code runadmin -host H -port 5000 -store S <words>} inside the container. */
    String admin(List<String> words) {
        List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/kvhome/lib/kvstore.jar",
            "runadmin", "-host", host, "-port", Integer.toString(STORE_PORT), "-store", store));
        cmd.addAll(words);
        ExecResult r = exec(cmd);
        if (r.getExitCode() != 0) {
            throw new AdminCommandException((r.getStdout() + r.getStderr()).strip());
        }
        return r.getStdout().strip();
    }

    /** The workshop's region script, copied in and run with {@code runadmin -store S load -file}. */
    void loadScript(String name, String script) {
        copyFileToContainer(Transferable.of(script), "/tmp/" + name);
        admin(List.of("load", "-file", "/tmp/" + name));
    }

    ExecResult exec(List<String> cmd) {
        try {
            return execInContainer(cmd.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("cannot exec in region " + region + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    boolean pingAnswers() {
        return exec(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/kvhome/lib/kvstore.jar", "ping", "-host", host,
            "-port", Integer.toString(STORE_PORT))).getExitCode() == 0;
    }

    /** Admin ping inside the container, then a real SDK request through the proxy's host port. */
    private final class Ready extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (!pingAnswers()) {
                if (System.nanoTime() > deadline || !isRunning()) {
                    throw new IllegalStateException("region " + region + ": the store did not answer ping within "
                        + startupTimeout.toSeconds() + " s (container " + (isRunning() ? "running" : "exited")
                        + "); its log:\n" + getLogs());
                }
            }
            SdkReadiness.await(endpoint(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), "region " + region);
        }
    }

    @Override
    public String toString() {
        return "region " + region + " (store " + store + " at " + host + ":" + STORE_PORT + ", SDK " + endpoint() + ")";
    }

    static String scriptName(String store) {
        return store + ".kvs";
    }

    static String regionScript(String region, List<String> others) {
        return WorkshopFiles.regionScript(region, others);
    }
}
