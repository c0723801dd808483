package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.TableResult;
import oracle.nosql.driver.values.MapValue;

/** The workshop's statements (fixtures/workshop, verbatim) through the SDK on one region. */
@ExtendWith(ReferenceRegionExtension.class)
class WorkshopIT {

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("fixtures/workshop", name)).trim();
    }

    @Test
    void workshopStatementsLeaveBothUsersWithTheirUpdatedLocations(RegionUnderTest region) throws IOException {
        TableResult created = region.ddl(fixture("users-table.ddl"));
        assertThat(created.getTableState()).isEqualTo(TableResult.State.ACTIVE);
        assertThat(created.getTableName()).isEqualToIgnoringCase("Users");

        // The workshop's lines are SQL-shell input: the shell drops the ';', the SDK must not send it.
        List<String> dml = List.of(fixture("users-dml.sql").split("\n")).stream()
            .map(line -> line.strip().replaceAll(";$", "")).toList();
        assertThat(dml).hasSize(5);
        assertThat(region.query(dml.get(0))).containsExactly(new MapValue().put("NumRowsInserted", 1));
        assertThat(region.query(dml.get(1))).containsExactly(new MapValue().put("NumRowsInserted", 1));
        assertThat(region.query(dml.get(2))).containsExactly(new MapValue().put("NumRowsUpdated", 1));
        assertThat(region.query(dml.get(3))).containsExactly(new MapValue().put("NumRowsUpdated", 1));

        Map<Integer, MapValue> users = region.query(dml.get(4)).stream()
            .collect(Collectors.toMap(r -> r.getInt("uid"), r -> r.get("person").asMap()));
        assertThat(users).containsOnlyKeys(1, 2);
        assertThat(users.get(1).toJson()).isEqualTo(
            "{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":\"CO\"}");
        assertThat(users.get(2).toJson()).isEqualTo(
            "{\"firstName\":\"foo\",\"lastName\":\"bar\",\"location\":\"FR\"}");

        GetResult jack = region.handle().get(new GetRequest().setTableName("users")
            .setKey(new MapValue().put("uid", 1)));
        assertThat(jack.getValue().get("person").asMap().getString("location")).isEqualTo("CO");
        assertThat(jack.getModificationTime()).isPositive();
        assertThat(jack.getExpirationTime()).isZero();
    }
}
