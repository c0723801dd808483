package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.data.Limits;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.mr.RemoteChangeApplier;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.TwoRegionTable;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.MapValue;

/**
 * The agent applies a remote region's changes while local clients write the same keys, new
 * ones included: whatever the interleaving, a key never ends with a version older than one it
 * already held (otherwise the regions keep different versions for good).
 */
class ApplyRacingLocalWritesTest {
    private static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    private static final int KEYS = 500;

    @TempDir
    Path dir;
    private RegionStore store;
    private Rows rows;
    private InJvmLocalRegion local;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void open() {
        store = RegionStore.open(dir);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
        rows = new Rows(store, clock, Limits.defaults());
        local = new InJvmLocalRegion(() -> store, clock, RemoteChangeApplier.standard());
        TwoRegionTable.create(store);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aLocalPutRacingARemoteInsertOfTheSameNewKeyNeverWritesAnOlderVersionOverIt() throws Exception {
        // CO's versions are 1 ms later than FR's clock: applied first, a local put must stamp
        // later still; applied after, CO's version must win.
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> both = new ArrayList<>();
        both.add(threads.submit(() -> {
            for (int k = 0; k < KEYS; k++) {
                together.await(30, TimeUnit.SECONDS);
                rows.put(PutOp.upsert("T", new MapValue().put("id", k).put("v", "FR")));
            }
            return null;
        }));
        both.add(threads.submit(() -> {
            for (int k = 0; k < KEYS; k++) {
                together.await(30, TimeUnit.SECONDS);
                StoredRow co = new StoredRow(new MapValue().put("id", k).put("v", "CO"), T0 + 1, 0,
                    new byte[] {2}, 1, false);
                List<ApplyResult> r = local.apply(List.of(new Change(k + 1, "T", "CO", co)), "ckpt/test", new byte[8]);
                assertThat(r).doesNotContain(ApplyResult.INCOMPATIBLE, ApplyResult.NO_TABLE);
            }
            return null;
        }));
        for (Future<?> f : both) {
            f.get(120, TimeUnit.SECONDS);
        }
        List<String> older = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            StoredRow r = rows.get("T", new MapValue().put("id", k)).orElseThrow();
            boolean coWon = r.value().getString("v").equals("CO");
            // FR's put after CO's version stamps T0 + 2; before it, CO's version (T0 + 1) replaces it.
            if (coWon ? r.modificationTime() != T0 + 1 : r.modificationTime() != T0 + 2) {
                older.add(k + "=" + r.value() + "@" + (r.modificationTime() - T0));
            }
        }
        assertThat(older).as("keys whose final version is not the latest one written").isEmpty();
    }
}
