package io.mrtck.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/** CPU time used by this JVM and, when known, by the process serving the endpoints. */
final class CpuMeter {
    /** Microseconds of CPU; {@code serverMicros} is -1 when the server's process is not known. */
    record Usage(double clientMicros, double serverMicros) { }

    private final Optional<ProcessHandle> server;
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    CpuMeter(Optional<ProcessHandle> server) {
        this.server = server;
    }

    Usage now() {
        double serverMicros = server.flatMap(p -> p.info().totalCpuDuration()).map(CpuMeter::micros).orElse(-1.0);
        return new Usage(os.getProcessCpuTime() / 1_000.0, serverMicros);
    }

    Usage since(Usage before) {
        Usage n = now();
        return new Usage(n.clientMicros() - before.clientMicros(),
            n.serverMicros() < 0 || before.serverMicros() < 0 ? -1 : n.serverMicros() - before.serverMicros());
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1_000.0;
    }
}
