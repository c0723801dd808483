package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.ListTablesRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.values.MapValue;

/** A region restarted on the same directory has every acknowledged write and every table. */
@ExtendWith(ReferenceRegionExtension.class)
class RestartIT {

    @Test
    void everyAcknowledgedWriteAndTableSurvivesARestart(RegionUnderTest region) {
        region.ddl("CREATE TABLE Kept(id INTEGER, name STRING, doc JSON, PRIMARY KEY(id)) USING TTL 5 DAYS");
        region.ddl("CREATE INDEX byName ON Kept(name)");
        PutResult[] puts = new PutResult[200];
        for (int i = 0; i < puts.length; i++) {
            MapValue row = new MapValue().put("id", i).put("name", "n" + i)
                .putFromJson("doc", "{\"i\":" + i + ",\"tags\":[\"a\",\"b\"]}", null);
            PutRequest put = new PutRequest().setTableName("Kept").setValue(row);
            if (i % 2 == 0) {
                put.setTTL(TimeToLive.ofHours(3));
            }
            puts[i] = region.handle().put(put);
        }
        GetResult before = get(region, 10);

        region.restart();

        assertThat(List.of(region.handle().listTables(new ListTablesRequest()).getTables())).contains("Kept");
        assertThat(region.query("SELECT count(*) FROM Kept")).containsExactly(new MapValue().put("Column_1", 200L));
        for (int i = 0; i < puts.length; i++) {
            GetResult after = get(region, i);
            assertThat(after.getValue().getString("name")).isEqualTo("n" + i);
            assertThat(after.getVersion().getBytes()).isEqualTo(puts[i].getVersion().getBytes());
        }
        GetResult after = get(region, 10);
        assertThat(after.getModificationTime()).isEqualTo(before.getModificationTime());
        assertThat(after.getExpirationTime()).isEqualTo(before.getExpirationTime()).isPositive();
        assertThat((Object) after.getValue()).isEqualTo(before.getValue());
        assertThat(region.ddl("CREATE TABLE IF NOT EXISTS Kept(id INTEGER, PRIMARY KEY(id))").getSchema())
            .contains("\"ttl\"");
    }

    private static GetResult get(RegionUnderTest region, int id) {
        return region.handle().get(new GetRequest().setTableName("Kept").setKey(new MapValue().put("id", id)));
    }
}
