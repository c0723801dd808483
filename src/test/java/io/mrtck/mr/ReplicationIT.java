package io.mrtck.mr;

import io.mrtck.harness.MrFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.values.MapValue;

/** A write in either region reaches the other with the same value and metadata (MR-SEMANTICS.md). */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class ReplicationIT {
    private final MrFixture mr;

    ReplicationIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"FR, CO", "CO, FR"})
    void insertsUpdatesAndDeletesReachTheOtherRegion(String from, String to) {
        String t = MrFixture.table("Users");
        mr.createMrTable(t, "uid INTEGER, person JSON, PRIMARY KEY(uid)");
        mr.sql(from, "INSERT INTO " + t + " VALUES(1, {\"firstName\":\"jack\",\"location\":\"FR\"})");
        mr.sql(from, "INSERT INTO " + t + " VALUES(2, {\"firstName\":\"foo\",\"location\":null})");
        mr.sql(from, "UPDATE " + t + " u SET u.person.location = \"CO\" WHERE uid = 1");
        mr.sql(from, "DELETE FROM " + t + " WHERE uid = 2");
        TableFingerprint agreed = mr.converge(t, "uid");
        assertThat(agreed.rows()).as("rows both regions show").hasSize(1);
        assertThat(mr.get(to, t, new MapValue().put("uid", 1)).getValue().get("person").asMap()
            .getString("location")).isEqualTo("CO");
        assertThat((Object) mr.get(to, t, new MapValue().put("uid", 2)).getValue()).as("row 2 deleted in " + to).isNull();
    }

    @Test
    void aRowWithTtlExpiresInBothRegionsAtTheSameMoment(Topology topology) {
        String t = MrFixture.table("Ttl");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        PutResult put = mr.in("FR").put(new PutRequest().setTableName(t)
            .setValue(new MapValue().put("id", 1).put("v", "x")).setTTL(TimeToLive.ofHours(1)));
        assertThat(put.getVersion()).isNotNull();
        TableFingerprint agreed = mr.converge(t, "id");
        long expiration = agreed.rows().values().iterator().next().expirationTime();
        assertThat(expiration).as("expiration replicated, rounded to an hour").isPositive()
            .isEqualTo(expiration / 3_600_000L * 3_600_000L);

        // Move both regions' clocks past the expiration: the row vanishes from both.
        org.junit.jupiter.api.Assumptions.assumeTrue(topology.capabilities().contains(io.mrtck.topology.Capability.CLOCK_SKEW),
            "this target cannot move a region's clock (CLOCK_SKEW), so expiry cannot be reached within the test");
        topology.regions().forEach(r -> r.skewClock(Duration.ofHours(2)));
        try {
            await("row expired in FR and CO").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat((Object) mr.get("FR", t, new MapValue().put("id", 1)).getValue()).as("FR").isNull();
                assertThat((Object) mr.get("CO", t, new MapValue().put("id", 1)).getValue()).as("CO").isNull();
            });
        } finally {
            topology.regions().forEach(r -> r.skewClock(Duration.ZERO));
        }
    }

    @Test
    void conditionalPutsKeepTheirMeaningOnReplicatedRows() {
        String t = MrFixture.table("Cond");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.in("FR").put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "fr")));
        mr.converge(t, "id");
        PutResult absent = mr.in("CO").put(new PutRequest().setTableName(t)
            .setOption(PutRequest.Option.IfAbsent).setValue(new MapValue().put("id", 1).put("v", "co")));
        assertThat(absent.getVersion()).as("IfAbsent on a replicated row").isNull();
        GetResult inCo = mr.get("CO", t, new MapValue().put("id", 1));
        PutResult ifVersion = mr.in("CO").put(new PutRequest().setTableName(t)
            .setOption(PutRequest.Option.IfVersion).setMatchVersion(inCo.getVersion())
            .setValue(new MapValue().put("id", 1).put("v", "co")));
        assertThat(ifVersion.getVersion()).as("IfVersion with CO's own version of the row").isNotNull();
        mr.converge(t, "id");
        assertThat(mr.get("FR", t, new MapValue().put("id", 1)).getValue().getString("v")).isEqualTo("co");
    }
}
