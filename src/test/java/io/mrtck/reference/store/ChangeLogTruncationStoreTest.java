package io.mrtck.reference.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.data.Limits;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.Rows;
import oracle.nosql.driver.values.MapValue;

/** A region's change log loses only what its readers have passed, and a restart neither reuses a sequence nor forgets a reader. */
class ChangeLogTruncationStoreTest {
    private static final ChangeLogReader CO = new ChangeLogReader("CO", 1, 0);

    @TempDir
    Path dir;
    private RegionStore store;

    @BeforeEach
    void open() {
        store = RegionStore.open(dir);
        TwoRegionTable.create(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void nothingIsTruncatedBeforeEveryRemoteRegionHasRead() {
        write(10);
        assertThat(store.truncateChangeLog()).isZero();
        assertThat(store.changeLogSize()).isEqualTo(10);
    }

    @Test
    void theLogLosesWhatTheReaderPassedButTheEntryItIsAt() {
        write(10);
        store.changesAfter(CO, 4, 100);
        assertThat(store.truncateChangeLog()).isEqualTo(3);
        assertThat(store.changesAfter(CO, 4, 100)).extracting(Change::sequence).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        store.changesAfter(CO, 10, 100);
        store.truncateChangeLog();
        assertThat(store.changesAfter(0, 100)).as("the entry the reader is at stays").extracting(Change::sequence)
            .containsExactly(10L);
    }

    @Test
    void afterARestartSequencesGoOnAndAReaderThatIsDownStillHoldsTheLog() {
        write(10);
        store.changesAfter(CO, 10, 100);
        store.truncateChangeLog();
        store.changesAfter(CO, 10, 100);
        store.close();
        store = RegionStore.open(dir);
        write(3);
        assertThat(store.changesAfter(10, 100)).as("sequences after a restart").extracting(Change::sequence)
            .containsExactly(11L, 12L, 13L);
        assertThat(store.changeLogReaders()).as("readers known after a restart").containsEntry(CO, 10L);
        store.truncateChangeLog();
        assertThat(store.changesAfter(10, 100)).as("what CO, down, has not read").hasSize(3);
    }

    private void write(int rows) {
        Rows r = new Rows(store, Clock.systemUTC(), Limits.defaults());
        long first = store.changeHorizon();
        for (long id = first; id < first + rows; id++) {
            r.put(PutOp.upsert("T", new MapValue().put("id", (int) id).put("v", "x")));
        }
    }
}
