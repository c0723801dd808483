package io.mrtck.backup.freshest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RegionLagTest {
    /** The real 25.3 output of MR-SEMANTICS.md ("first look"), trimmed there already. */
    private static final String REAL = "{\"operation\":\"show mrtable-agent-statistics\",\"returnCode\":5000,"
        + "\"returnValue\":{\"0\":{\"timestamp\":1795674360005,\"statistics\":{\"agentId\":\"XRegionService-1_0\","
        + "\"beginMs\":1795674300007,\"endMs\":1795674360005,\"intervalMs\":59998,\"localRegion\":\"CO\",\"puts\":6147,"
        + "\"regionStat\":{\"FR\":{\"completeWriteOps\":6147,\"lastMessageMs\":1795674359986,\"lastModificationMs\":1795674359045,"
        + "\"laggingMs\":{\"avg\":1,\"count\":92,\"max\":7,\"min\":1,\"percent95\":3,\"percent99\":7},"
        + "\"latencyMs\":{\"avg\":7998,\"count\":6147,\"max\":10000,\"min\":3,\"percent95\":10000,\"percent99\":10000}}}}}}}";

    private static JsonNode entry(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("returnValue").path("0");
    }

    @Test
    void theRealOutputGivesTheLagOfEachStream() throws Exception {
        RegionLag l = RegionLag.of("CO", entry(REAL), 1795674360005L + 1_000);
        assertThat(l.usable()).isTrue();
        assertThat(l.laggingMax()).isEqualTo(7);
        assertThat(l.laggingAvg()).isEqualTo(1);
        assertThat(l.laggingP95()).isEqualTo(3);
        assertThat(l.lastMessageAgeMs()).isEqualTo(19);
        assertThat(l.effectiveLag()).isEqualTo(7);
    }

    @Test
    void statisticsOlderThanTwoIntervalsAreNotUsable() throws Exception {
        RegionLag l = RegionLag.of("CO", entry(REAL), 1795674360005L + 2 * 59998 + 1);
        assertThat(l.usable()).isFalse();
        assertThat(l.remark()).contains("older than two intervals");
    }

    @Test
    void aStreamWithoutAMessageInTheIntervalCountsAsItsSilence() throws Exception {
        RegionLag l = RegionLag.of("CO", entry(REAL.replace("\"lastMessageMs\":1795674359986", "\"lastMessageMs\":1795674200005")),
            1795674360005L);
        assertThat(l.silentStreams()).containsExactly("FR");
        assertThat(l.effectiveLag()).isEqualTo(160_000);
        assertThat(l.remark()).contains("no message from [FR]");
    }
}
