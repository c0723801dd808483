package io.mrtck.reference.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The position up to which the change log may go: what every agent of every remote region has passed. */
class ChangeLogReadersTest {

    @Test
    void theLogGoesUpToTheSlowestAgentOfAllRemoteRegions() {
        Map<ChangeLogReader, Long> positions = Map.of(
            new ChangeLogReader("CO", 2, 0), 50L, new ChangeLogReader("CO", 2, 1), 30L,
            new ChangeLogReader("DE", 1, 0), 80L);
        assertThat(ChangeLogReaders.passedByAll(positions, List.of("CO", "DE"))).isEqualTo(OptionalLong.of(30));
    }

    @Test
    void nothingGoesWhileARemoteRegionHasNotReadOrItsGroupIsIncomplete() {
        Map<ChangeLogReader, Long> positions = Map.of(new ChangeLogReader("CO", 2, 0), 50L);
        assertThat(ChangeLogReaders.passedByAll(positions, List.of("CO"))).as("agent 1 of CO not seen").isEmpty();
        assertThat(ChangeLogReaders.passedByAll(Map.of(new ChangeLogReader("CO", 1, 0), 5L), List.of("CO", "DE")))
            .as("DE not seen").isEmpty();
        assertThat(ChangeLogReaders.passedByAll(Map.of(), List.of())).as("no remote region").isEmpty();
    }

    @Test
    void aReaderOfAFormerGroupSizeStillHoldsTheLogBackAndAnUnknownRegionDoesNot() {
        Map<ChangeLogReader, Long> positions = Map.of(
            new ChangeLogReader("CO", 1, 0), 10L, new ChangeLogReader("CO", 2, 0), 50L,
            new ChangeLogReader("CO", 2, 1), 60L, new ChangeLogReader("GONE", 1, 0), 1L);
        assertThat(ChangeLogReaders.passedByAll(positions, List.of("co"))).isEqualTo(OptionalLong.of(10));
    }
}
