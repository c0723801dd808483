package io.mrtck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** One operation run by a number of threads for a number of seconds, every call timed. */
final class TimedLoad {
    private TimedLoad() {
    }

    /** Thread {@code t} passes {@code t * 1 000 003, +1, +2…} to {@code op}. */
    static LatencyRecorder.Summary run(int threads, int seconds, IntConsumer op) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 1_000_003;
                workers.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        op.accept(i);
                        recorder.record(System.nanoTime() - t0);
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return recorder.summary(seconds);
    }
}
