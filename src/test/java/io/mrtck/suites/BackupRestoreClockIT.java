package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mrtck.backup.ExportFormat;
import io.mrtck.backup.Restore;
import io.mrtck.client.RegionClients;
import io.mrtck.harness.BackupFixture;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backup and restore across time (MR-SEMANTICS.md "TTL", "Backup tools"; INV-RT, INV-TTL): rows
 * that expire between a backup and its restore stay gone, and a restore into a region whose clock
 * is off keeps every absolute expiration time. Time is moved with the regions' clocks
 * (CLOCK_SKEW), not waited for. A class of its own: a clock moved forward leaves the regions'
 * statistics and modification times ahead for hours, which the freshest-region checks of {@link
 * BackupRestoreIT} must not meet. Backups here name their region, so statistics play no part.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Backup and restore across time")
class BackupRestoreClockIT {
    private final Topology topology;
    private final MrFixture mr;
    private final BackupFixture fx;

    @TempDir
    Path tmp;

    BackupRestoreClockIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.mr = new MrFixture(topology, clients);
        this.fx = new BackupFixture(topology, clients, mr);
    }

    /** A table whose rows {@code 1..n} have the TTLs given, a few rows each; what FR holds of it. */
    private Map<String, String> fill(String t, int perTtl, TimeToLive... ttls) {
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        for (int i = 1; i <= ttls.length * perTtl; i++) {
            mr.put("FR", t, new MapValue().put("id", i).put("v", "v" + i), ttls[(i - 1) / perTtl]);
        }
        mr.converge(t, "id");
        return fx.image("FR", t, List.of("id"));
    }

    @ParameterizedTest(name = "{0}: rows that expire between backup and restore stay gone and are counted")
    @EnumSource(ExportFormat.class)
    void rowsThatExpireBetweenBackupAndRestoreStayGoneAndAreCounted(ExportFormat format) throws IOException {
        mr.require(Capability.CLOCK_SKEW, "move every region's clock past expiration times between backup and restore");
        String t = MrFixture.table("Expiring");
        // 1-3 never expire, 4-6 expire within 2 h, 7-9 in 5-6 h, 10-12 in 2-3 days
        Map<String, String> before = fill(t, 3, null, TimeToLive.ofHours(2), TimeToLive.ofHours(6), TimeToLive.ofDays(2));
        fx.backup().runFrom("FR", t, tmp.resolve("backup"), format);

        topology.regions().forEach(r -> r.skewClock(Duration.ofHours(3)));
        try {
            Restore.Result result = fx.restore(tmp.resolve("backup"), "CO", false);
            assertThat(result.counts().get(t).skippedExpired()).as("rows counted as expired at the restore: %s",
                result.counts().get(t)).isEqualTo(3);
            Map<String, String> expected = new TreeMap<>(before);
            for (int id = 4; id <= 6; id++) {
                expected.remove("{\"id\":" + id + "}");
            }
            fx.assertEveryRegionHolds(t, List.of("id"), expected, "3 h after the backup (rows 4-6 expired)");
            for (int id = 1; id <= 3; id++) {
                assertThat(mr.get("FR", t, new MapValue().put("id", id)).getExpirationTime())
                    .as("row %d, written without TTL, stays without", id).isZero();
            }
        } finally {
            topology.regions().forEach(r -> r.skewClock(Duration.ZERO));
        }
    }

    @ParameterizedTest(name = "{0} restored into a region whose clock is {1} h off keeps the absolute expiration times")
    @CsvSource({"BINARY, 2", "JSON, -5"})
    void aRestoreIntoARegionWithASkewedClockKeepsAbsoluteExpirationTimes(ExportFormat format, int hours) throws IOException {
        mr.require(Capability.CLOCK_SKEW, "skew the importing region's clock");
        String t = MrFixture.table("Skewed");
        Map<String, String> before = fill(t, 2, null, TimeToLive.ofHours(6), TimeToLive.ofDays(3));
        fx.backup().runFrom("FR", t, tmp.resolve("backup"), format);
        Region skewed = topology.region("CO");
        skewed.skewClock(Duration.ofHours(hours));
        try {
            fx.restore(tmp.resolve("backup"), skewed.name(), false);
            fx.assertEveryRegionHolds(t, List.of("id"), before, "restored into " + skewed.name() + " with its clock " + hours
                + " h off");
        } finally {
            skewed.skewClock(Duration.ZERO);
        }
    }
}
