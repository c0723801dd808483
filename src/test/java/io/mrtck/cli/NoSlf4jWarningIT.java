package io.mrtck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.topology.kvhome.Kvhome;

/**
 * No command prints SLF4J's "no binder" warning: the kit ships a binding on purpose. Each
 * command runs in its own JVM from the packaged jars, as a user runs it, until it is ready
 * (the code that logs through SLF4J — Netty — has run by then); its output must have no
 * {@code SLF4J:} line.
 */
class NoSlf4jWarningIT {
    private static final Duration READY = Duration.ofSeconds(60);
    private final Kvhome kvhome = Kvhome.fromProperty();
    private final List<Process> started = new ArrayList<>();

    @Test
    void theCliTheStoreTheProxyAndPingPrintNoSlf4jLine(@TempDir Path dir) throws Exception {
        int storePort = freePort();
        try {
            String region = untilReady("region ready", "-jar", kvhome.dir().resolve("lib/mrtck.jar").toString(),
                "region", "--port", "0", "--root", dir.resolve("region").toString());
            String store = untilReady("running on", "-jar", kvhome.kvstoreJar().toString(), "kvlite", "-root",
                dir.resolve("kvroot").toString(), "-store", "OUGFR", "-host", "localhost", "-port", Integer.toString(storePort));
            String proxy = untilReady("Proxy for store", "-jar", kvhome.httpproxyJar().toString(), "-storeName", "OUGFR",
                "-helperHosts", "localhost:" + storePort, "-httpPort", Integer.toString(freePort()));
            String ping = toEnd("-jar", kvhome.kvstoreJar().toString(), "ping", "-host", "localhost", "-port",
                Integer.toString(storePort));
            String admin = toEnd("-jar", kvhome.dir().resolve("lib/mrtck.jar").toString(), "admin", "--endpoint",
                "http://localhost:" + storePort, "show", "tables");

            for (String out : List.of(region, store, proxy, ping, admin)) {
                assertThat(out.lines()).as("output:\n%s", out).noneMatch(l -> l.startsWith("SLF4J:"));
            }
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Starts a long-running command; returns its output once a line contains {@code ready}. */
    private String untilReady(String ready, String... args) throws IOException {
        Process p = start(args);
        Output out = new Output(p.getInputStream());
        await("'" + ready + "' from " + String.join(" ", args)).atMost(READY).pollInterval(Duration.ofMillis(100))
            .until(() -> {
                if (!p.isAlive() && !out.text().contains(ready)) {
                    throw new AssertionError("exited with " + p.exitValue() + " before '" + ready + "':\n" + out.text());
                }
                return out.text().contains(ready);
            });
        return out.text();
    }

    private String toEnd(String... args) throws Exception {
        Process p = start(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended: " + String.join(" ", args) + "\n" + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Process start(String... args) throws IOException {
        // C1 only: a short-lived JVM spends more CPU compiling than running (and CI has two cores)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A process's output, collected as it comes. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();

        Output(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "output-reader");
            t.setDaemon(true);
            t.start();
        }

        String text() {
            return text.toString();
        }
    }
}
