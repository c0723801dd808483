package io.mrtck.topology.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.agent.CheckpointTable;
import io.mrtck.reference.agent.RegionUnreachableException;
import io.mrtck.reference.agent.RemoteRegionAccess;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.Change;

class FaultyLinkTest {
    private final LinkFaults faults = new LinkFaults();
    private final CountingRemote fr = new CountingRemote("FR");
    /** CO's agent reading FR. */
    private final FaultyLink frToCo = new FaultyLink(fr, "CO", faults);

    @Test
    void anIntactLinkPassesEveryCallThrough() {
        assertThat(frToCo.changesAfter(0, 10)).isEmpty();
        assertThat(frToCo.table("t")).isEmpty();
        assertThat(frToCo.tableRows("t", null, 10).rows()).isEmpty();
        assertThat(frToCo.regionName()).isEqualTo("FR");
        assertThat(fr.calls.get()).isEqualTo(3);
    }

    @Test
    void aCutLinkFailsEveryCallWithoutReachingTheRemote() {
        faults.cut("FR", "CO");
        assertThatThrownBy(() -> frToCo.changesAfter(0, 10)).isInstanceOf(RegionUnreachableException.class)
            .hasMessageContaining("FR -> CO");
        assertThatThrownBy(() -> frToCo.table("t")).isInstanceOf(RegionUnreachableException.class);
        assertThatThrownBy(() -> frToCo.tableRows("t", null, 1)).isInstanceOf(RegionUnreachableException.class);
        assertThat(fr.calls.get()).isZero();
        faults.restore("FR", "CO");
        assertThat(frToCo.changesAfter(0, 10)).isEmpty();
    }

    @Test
    void faultsArePerDirectedLinkAndNamesIgnoreCase() {
        faults.cut("co", "fr");
        assertThat(faults.isCut("CO", "FR")).isTrue();
        assertThat(faults.isCut("FR", "CO")).isFalse();
        assertThat(frToCo.changesAfter(0, 1)).isEmpty();
    }

    @Test
    void latencyDelaysEachCallAndZeroRemovesIt() {
        faults.delay("FR", "CO", Duration.ofMillis(150));
        long start = System.nanoTime();
        frToCo.changesAfter(0, 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(faults.delayOf("CO", "FR")).isEqualTo(Duration.ZERO);
        faults.delay("FR", "CO", Duration.ZERO);
        assertThat(faults.delayOf("FR", "CO")).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeLatencyIsRejected() {
        assertThatThrownBy(() -> faults.delay("FR", "CO", Duration.ofMillis(-1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    private static final class CountingRemote implements RemoteRegionAccess {
        final String name;
        final AtomicInteger calls = new AtomicInteger();

        CountingRemote(String name) {
            this.name = name;
        }

        @Override
        public String regionName() {
            return name;
        }

        @Override
        public List<Change> changesAfter(long sequence, int max) {
            calls.incrementAndGet();
            return List.of();
        }

        @Override
        public boolean awaitChangesAfter(long sequence, long waitMs) {
            calls.incrementAndGet();
            return false;
        }

        @Override
        public Optional<TableSchema> table(String table) {
            calls.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public List<TableSchema> tables() {
            calls.incrementAndGet();
            return List.of();
        }

        @Override
        public TablePage tableRows(String table, byte[] afterKey, int max) {
            calls.incrementAndGet();
            return new TablePage(List.of(), null);
        }

        @Override
        public void createCheckpointTable(CheckpointTable table) {
            calls.incrementAndGet();
        }
    }
}
