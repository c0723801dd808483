package io.mrtck.bench;

import java.util.Arrays;

/** Latencies of one kind of operation, in microseconds; quantiles by sorting (small runs only). */
final class LatencyRecorder {
    private long[] micros = new long[1 << 14];
    private int count;

    synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    synchronized Summary summary(double seconds) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new Summary(count, count / seconds, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
            count == 0 ? 0 : sorted[count - 1]);
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    record Summary(int ops, double opsPerSecond, long p50, long p95, long p99, long max) {
        String row(String name) {
            return String.format("| %-6s | %8d | %10.0f | %7d | %7d | %7d | %7d |",
                name, ops, opsPerSecond, p50, p95, p99, max);
        }
    }
}
