package io.mrtck.topology.kvhome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * Runs a KVHOME's command lines ({@code java -jar lib/kvstore.jar …}) as processes: to
 * completion with a bounded wait, or in the background with their output in a log file.
 * Every command and its output is appended to {@code commands.log} (the report).
 */
public final class KvCommands {
    private final Kvhome kvhome;
    private final Path logDir;
    private final List<String> jvmOptions;

    public KvCommands(Kvhome kvhome, Path logDir, List<String> jvmOptions) {
        this.kvhome = kvhome;
        this.logDir = logDir;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public record Result(int exit, String output) {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar lib/kvstore.jar args…}, waited for at most {@code timeout}. */
    public Result run(Duration timeout, List<String> args) {
        List<String> cmd = command(kvhome.kvstoreJar(), args);
        Path out = logDir.resolve("cmd-" + System.nanoTime() + ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(logDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("'" + String.join(" ", args) + "' did not end within "
                    + timeout.toSeconds() + " s:\n" + Files.readString(out));
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            log("$ kvstore.jar " + String.join(" ", args) + "\n" + text + "(exit " + p.exitValue() + ")\n");
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    /** As {@link #run}, failing with the command's output when it does not exit 0. */
    public String require(Duration timeout, List<String> args) {
        Result r = run(timeout, args);
        if (r.exit() != 0) {
            throw new IllegalStateException("'kvstore.jar " + String.join(" ", args) + "' failed (exit " + r.exit()
                + "):\n" + r.output().strip());
        }
        return r.output();
    }

    /** A long-running service ({@code start}, {@code httpproxy.jar}) with its output in {@code logName}. */
    public Process spawn(Path jar, List<String> args, String logName) {
        List<String> cmd = command(jar, args);
        log("$ " + jar.getFileName() + " " + String.join(" ", args) + " &  (output in " + logName + ")\n");
        try {
            return new ProcessBuilder(cmd).directory(logDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(logName).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    public Path logDir() {
        return logDir;
    }

    private List<String> command(Path jar, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    private synchronized void log(String text) {
        try {
            Files.writeString(logDir.resolve("commands.log"), text, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the report loses a line; the run goes on
        }
    }
}
