package io.mrtck.reference.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.MapValue;

/**
 * How a region's store handles writers that meet on the same rows: they queue or are retried
 * within a bound, and never fail with a lock error or lose a write.
 */
class RegionStoreLockingTest {
    private static final long WAIT_S = 30;
    private static final List<FieldValue> KEY = List.of(new IntegerValue(1));

    @TempDir
    Path dir;
    private RegionStore store;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(WAIT_S, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    private void open(Duration lockTimeout, Duration retryBudget, List<Integer> regions) {
        store = RegionStore.open(dir, lockTimeout, retryBudget);
        store.changeCatalog(txn -> {
            txn.putRegion(new RegionInfo(1, "FR", true));
            txn.putRegion(new RegionInfo(2, "CO", false));
            txn.putTable(table(regions));
            return null;
        });
    }

    private static TableSchema table(List<Integer> regions) {
        return new TableSchema("T", null, List.of(
            new FieldDef("id", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("n", FieldType.of(TypeCode.INTEGER), true, null, false)),
            List.of("id"), 1, null, regions, List.of(), 1, "CREATE TABLE T(...)");
    }

    private static StoredRow row(int n) {
        return new StoredRow(new MapValue().put("id", 1).put("n", n), 1_000 + n, 0, new byte[] {(byte) n}, 1, false);
    }

    private static int n(StoreTxn txn) {
        return txn.row(txn.table("T").orElseThrow(), KEY).map(r -> r.value().getInt("n")).orElse(-1);
    }

    /** One read-modify-write: n := n + 1 (or 0 for a missing row). */
    private int increment(StoreTxn txn) {
        int next = n(txn) + 1;
        txn.putRow(txn.table("T").orElseThrow(), KEY, row(next));
        return next;
    }

    @Test
    void concurrentReadModifyWritesOfOneRowAllSucceedAndNoneIsLost() throws Exception {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        int writers = 8;
        int each = 200;
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    store.write(this::increment);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(WAIT_S, TimeUnit.SECONDS); // a lock error would surface here
        }
        // The first increment inserts 0: writers x each increments end at writers x each - 1.
        assertThat(store.read(RegionStoreLockingTest::n)).isEqualTo(writers * each - 1);
    }

    @Test
    void aWriteThatFoundAKeyAbsentRunsAgainWhenAnotherTransactionInsertedIt() throws Exception {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        CountDownLatch sawAbsent = new CountDownLatch(1);
        CountDownLatch otherInserted = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        Future<?> slow = threads.submit(() -> store.write(txn -> {
            attempts.incrementAndGet();
            int before = n(txn);
            seen.add(before);
            if (before < 0) {
                sawAbsent.countDown();
                await(otherInserted);
            }
            txn.putRow(txn.table("T").orElseThrow(), KEY, row(before + 100));
            return null;
        }));
        await(sawAbsent);
        store.write(txn -> {
            txn.putRow(txn.table("T").orElseThrow(), KEY, row(7));
            return null;
        });
        otherInserted.countDown();
        slow.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(seen).as("what each attempt of the slow write read").containsExactly(-1, 7);
        assertThat(attempts).hasValue(2);
        assertThat(store.read(RegionStoreLockingTest::n)).as("built on the other write, not over it").isEqualTo(107);
    }

    @Test
    void aWriteWaitingForALockIsRetriedUntilTheHolderCommits() throws Exception {
        open(Duration.ofMillis(100), Duration.ofSeconds(WAIT_S), List.of());
        store.write(this::increment);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> store.write(txn -> {
            increment(txn);
            holding.countDown();
            await(release);
            return null;
        }));
        await(holding);
        AtomicInteger attempts = new AtomicInteger();
        Future<Integer> waiter = threads.submit(() -> store.write(txn -> {
            attempts.incrementAndGet();
            return increment(txn);
        }));
        Awaitility.await().atMost(Duration.ofSeconds(WAIT_S)).untilAsserted(() ->
            assertThat(attempts.get()).as("attempts of the waiting write (its lock waits time out)").isGreaterThan(2));
        release.countDown();
        holder.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(waiter.get(WAIT_S, TimeUnit.SECONDS)).as("the waiting write, applied after the holder's").isEqualTo(2);
    }

    @Test
    void aWriteThatCannotGetItsLockWithinTheBudgetFailsAsBusyAndWritesNothing() throws Exception {
        open(Duration.ofMillis(50), Duration.ofMillis(300), List.of());
        store.write(this::increment);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> store.write(txn -> {
            txn.row(txn.table("T").orElseThrow(), KEY); // write-locked by the read
            holding.countDown();
            await(release);
            return null;
        }));
        await(holding);
        try {
            assertThatThrownBy(() -> store.write(this::increment)).isInstanceOf(StoreBusyException.class)
                .hasMessageContaining("conflicting writers");
        } finally {
            release.countDown();
        }
        holder.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(store.read(RegionStoreLockingTest::n)).isZero();
    }

    @Test
    void aReaderHoldsNoLockAWriterWaitsFor() throws Exception {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        store.write(this::increment);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> reader = threads.submit(() -> store.read(txn -> {
            int n = n(txn);
            read.countDown();
            await(release);
            return n;
        }));
        await(read);
        try {
            // With a read lock held until the reader ends, this would wait and time out.
            assertThat(threads.submit(() -> store.write(this::increment)).get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(reader.get(WAIT_S, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void theChangeLogReaderDoesNotWaitForAWriteStillInProgress() throws Exception {
        open(Duration.ofMillis(100), Duration.ofMillis(200), List.of(1, 2));
        store.write(this::increment);
        long committed = store.changeHorizon();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> writer = threads.submit(() -> store.write(txn -> {
            increment(txn);
            written.countDown();
            await(release);
            return null;
        }));
        await(written);
        try {
            // The entry of the running write follows the committed one: a locking reader would time out on it.
            assertThat(store.changesAfter(0, 10)).extracting(Change::sequence).containsExactly(committed);
        } finally {
            release.countDown();
        }
        writer.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(store.changesAfter(committed, 10)).hasSize(1);
    }

    @Test
    void aCatalogChangeWaitsForRunningWritesAndLaterWritesSeeIt() throws Exception {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<List<Integer>> writer = threads.submit(() -> store.write(txn -> {
            List<Integer> before = txn.table("T").orElseThrow().regionIds();
            writing.countDown();
            await(release);
            increment(txn);
            return before;
        }));
        await(writing);
        java.util.concurrent.atomic.AtomicBoolean ddlRan = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> ddl = threads.submit(() -> store.changeCatalog(txn -> {
            ddlRan.set(true);
            txn.putTable(table(List.of(1, 2)));
            return null;
        }));
        try {
            // a DDL that did not wait would run at once; one that waits never runs while the write does
            Awaitility.await("the DDL held back while a write runs").during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(WAIT_S)).until(() -> !ddlRan.get());
        } finally {
            release.countDown();
        }
        assertThat(writer.get(WAIT_S, TimeUnit.SECONDS)).as("the definition the running write read").isEmpty();
        ddl.get(WAIT_S, TimeUnit.SECONDS);
        List<Integer> after = store.write(txn -> txn.table("T").orElseThrow().regionIds());
        assertThat(after).as("a write after the DDL").containsExactly(1, 2);
    }

    @Test
    void aTableDefinitionChangedOutsideACatalogChangeIsRefused() {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        assertThatThrownBy(() -> store.write(txn -> {
            txn.putTable(table(List.of(1, 2)));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside RegionStore.changeCatalog");
        List<Integer> regions = store.read(txn -> txn.table("T").orElseThrow().regionIds());
        assertThat(regions).as("nothing written").isEmpty();
    }

    @Test
    void statisticsWritersOfTwoAgentsDropOldIntervalsWithoutConflict() throws Exception {
        open(RegionStore.LOCK_TIMEOUT, RegionStore.LOCK_RETRY_BUDGET, List.of());
        List<Future<?>> agents = new ArrayList<>();
        for (String agent : List.of("a0", "a1")) {
            agents.add(threads.submit(() -> {
                for (long end = 1; end <= 50; end++) {
                    long e = end;
                    store.write(txn -> {
                        txn.putAgentStatistics(new AgentStatisticsRecord(agent, e, "{}"));
                        txn.dropAgentStatisticsBefore(e - 10);
                        return null;
                    });
                }
            }));
        }
        for (Future<?> f : agents) {
            f.get(WAIT_S, TimeUnit.SECONDS);
        }
        assertThat(store.read(StoreTxn::agentStatistics)).extracting(AgentStatisticsRecord::endMs)
            .allMatch(end -> end >= 40).hasSize(22);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_S, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction did not get there within " + WAIT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
