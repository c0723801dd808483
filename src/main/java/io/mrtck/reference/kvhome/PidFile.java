package io.mrtck.reference.kvhome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The pid of a service running in the background ({@code start}, {@code xrstart -bg}), so that
 * {@code stop} and {@code xrstop} find it as the real scripts do, from the same directory.
 */
record PidFile(Path file) {

    /**
     * The live process the file names, if any. A stale file is ignored: a pid reused by
     * another program (or by this very process, as after a container restart) is not ours.
     */
    Optional<ProcessHandle> process() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains("kvstore") || c.contains("KvStore")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private long recorded() {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Records this JVM; removed again when it exits normally. */
    void claim() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        long me = ProcessHandle.current().pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (recorded() == me) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // best effort; a stale file is ignored anyway
                }
            }
        }, "mrtck-pidfile"));
    }

    /** Asks the process to stop (SIGTERM: its shutdown hooks run) and waits; kills it after {@code wait}. */
    static boolean stop(ProcessHandle p, Duration wait) {
        p.destroy();
        try {
            p.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            p.destroyForcibly();
            return false;
        }
    }
}
