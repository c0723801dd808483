package io.mrtck.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the machine busy on purpose: one thread per core spinning until {@link #close()}, so a
 * stress test sees the scheduling delays of a loaded CI machine. Use with try-with-resources:
 * the threads stop also when the test fails.
 */
public final class CpuBurners implements AutoCloseable {
    private static final long JOIN_MS = 5_000;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    /** Written so the spinning loop cannot be optimised away. */
    private volatile long sink;

    private CpuBurners() {
    }

    /** Starts one burner per available processor. */
    public static CpuBurners onEveryCore() {
        CpuBurners burners = new CpuBurners();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < cores; i++) {
            Thread t = new Thread(burners::burn, "cpu-burner-" + i);
            t.setDaemon(true);
            burners.threads.add(t);
            t.start();
        }
        return burners;
    }

    public int threads() {
        return threads.size();
    }

    private void burn() {
        long x = 1;
        while (!stopped) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }

    @Override
    public void close() {
        stopped = true;
        for (Thread t : threads) {
            try {
                t.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
