package io.mrtck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mrtck up} in a JVM of its own, so that a benchmark's client and the regions do not
 * share a heap, a JIT or a garbage collector — as a user's program and a real deployment
 * do not. Ready when it has printed every region's endpoint; stopped with SIGTERM (its
 * shutdown hook closes the topology), killed if that takes over 30 s.
 */
public final class ReferenceTopologyProcess implements AutoCloseable {
    private static final Pattern REGION_LINE = Pattern.compile("^region (\\S+): .*SDK endpoint (\\S+),");

    private final Process process;
    private final Map<String, String> endpoints = new LinkedHashMap<>();

    private ReferenceTopologyProcess(Process process) {
        this.process = process;
    }

    public static ReferenceTopologyProcess start(List<String> regions) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            "io.mrtck.cli.Main", "up", "--regions", String.join(",", regions))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ReferenceTopologyProcess topology = new ReferenceTopologyProcess(p);
        try {
            topology.awaitEndpoints(regions.size());
        } catch (IOException | RuntimeException e) {
            topology.close();
            throw e;
        }
        return topology;
    }

    private void awaitEndpoints(int regions) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = REGION_LINE.matcher(line);
            if (m.find()) {
                endpoints.put(m.group(1), m.group(2));
            }
            if (line.startsWith("Ctrl-C stops it")) {
                break;
            }
        }
        if (endpoints.size() != regions) {
            throw new IOException("mrtck up ended before printing " + regions + " endpoints; it printed " + endpoints);
        }
        // keep draining its output so that it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        }, "mrtck-up-output");
        drain.setDaemon(true);
        drain.start();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String endpoint(String region) {
        return endpoints.get(region);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
