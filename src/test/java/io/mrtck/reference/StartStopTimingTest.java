package io.mrtck.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping a region is fast enough for per-test regions and restarts. */
class StartStopTimingTest {
    @TempDir
    Path root;

    @Test
    void startAndCloseAreFast() {
        ReferenceRegion.start(RegionOptions.of(root)).close(); // warm up classes and event loop
        long t0 = System.nanoTime();
        ReferenceRegion r = ReferenceRegion.start(RegionOptions.of(root));
        long started = System.nanoTime();
        r.close();
        long closed = System.nanoTime();
        r.close(); // idempotent
        System.out.printf("start %d ms, close %d ms%n", (started - t0) / 1_000_000,
            (closed - started) / 1_000_000);
        assertThat((started - t0) / 1_000_000).as("start ms").isLessThan(1000);
        assertThat((closed - started) / 1_000_000).as("close ms").isLessThan(1000);
    }
}
