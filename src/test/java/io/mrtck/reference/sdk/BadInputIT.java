package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import oracle.nosql.driver.RequestTimeoutException;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Bad input through the SDK and as raw HTTP: each gets the right error code and a clear
 * message, and afterwards the region still serves and the rows written before are intact.
 */
@ExtendWith(ReferenceRegionExtension.class)
class BadInputIT {
    private static final int KEPT = 20;
    private static RegionUnderTest shared;

    @BeforeAll
    static void rowsWrittenBefore(RegionUnderTest region) {
        shared = region;
        region.ddl("CREATE TABLE Kept(id INTEGER, name STRING, n INTEGER, PRIMARY KEY(id))");
        region.ddl("CREATE TABLE Keys(k STRING, PRIMARY KEY(k))");
        region.ddl("CREATE TABLE Batch(s INTEGER, id INTEGER, PRIMARY KEY(SHARD(s), id))");
        region.ddl("CREATE TABLE Wide(id INTEGER, s STRING, PRIMARY KEY(id))");
        for (int i = 0; i < KEPT; i++) {
            region.handle().put(new PutRequest().setTableName("Kept")
                .setValue(new MapValue().put("id", i).put("name", "n" + i).put("n", i * 10)));
        }
    }

    @AfterEach
    void regionStillServesAndKeptRowsAreIntact() {
        for (int i = 0; i < KEPT; i++) {
            GetResult r = shared.handle().get(new GetRequest().setTableName("Kept").setKey(new MapValue().put("id", i)));
            assertThat((Object) r.getValue()).as("row %d after bad input", i).isNotNull();
            assertThat(r.getValue().toJson()).isEqualTo("{\"id\":" + i + ",\"name\":\"n" + i + "\",\"n\":" + i * 10 + "}");
        }
        shared.handle().put(new PutRequest().setTableName("Kept")
            .setValue(new MapValue().put("id", 1000).put("name", "after").put("n", 1)));
        assertThat(shared.query("SELECT count(*) AS c FROM Kept WHERE id < " + KEPT).get(0).getLong("c"))
            .isEqualTo(KEPT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM Kept WHERE id =             | 1:29",
        "SELECT * FROM Kept WHERE id = = 3         | 1:30",
        "UPDATE Kept SET nosuch = 1 WHERE id = 1   | nosuch",
        "SELECT nosuch FROM Kept                   | nosuch",
        "INSERT INTO Kept VALUES (1, 'x', 'y')     | n",
    })
    void malformedOrWrongSqlIsAnIllegalArgument(String sql, String named) {
        assertThatThrownBy(() -> shared.query(sql)).as(sql)
            .isInstanceOf(IllegalArgumentException.class).message().containsIgnoringCase(named);
    }

    @Test
    void anUnknownTableIsTableNotFoundForRowsAndQueries() {
        assertThatThrownBy(() -> shared.handle().get(new GetRequest().setTableName("Missing")
            .setKey(new MapValue().put("id", 1)))).isInstanceOf(TableNotFoundException.class)
            .hasMessageContaining("Missing");
        assertThatThrownBy(() -> shared.query("DELETE FROM Missing WHERE id = 1"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Missing");
    }

    @Test
    void aValueOfTheWrongTypeIsAnIllegalArgumentInTheRealWords() {
        assertThatThrownBy(() -> shared.handle().put(new PutRequest().setTableName("Kept")
            .setValue(new MapValue().put("id", 1).put("name", "x").put("n", "ten"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("PUT: Illegal Argument: Invalid string for Integer: ten");
        assertThatThrownBy(() -> shared.handle().put(new PutRequest().setTableName("Kept")
            .setValue(new MapValue().put("id", "one").put("name", "x"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("PUT: Illegal Argument: Invalid string for Integer: one");
        assertThatThrownBy(() -> shared.handle().put(new PutRequest().setTableName("Kept")
            .setValue(new MapValue().put("name", "no key"))))
            .as("a row without its primary key").isInstanceOf(IllegalArgumentException.class)
            .hasMessage("PUT: Illegal Argument: Missing primary key field: id");
    }

    @Test
    void keysOfAThousandBytesAreWrittenAndA70000ByteKeyTimesOut() {
        shared.handle().put(new PutRequest().setTableName("Keys").setValue(new MapValue().put("k", "k".repeat(1000))));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> shared.handle().put(new PutRequest().setTableName("Keys")
            .setValue(new MapValue().put("k", "k".repeat(70_000)))))
            .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("70005-byte primary key");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("answered at once, not after the timeout")
            .isLessThan(Duration.ofSeconds(3));
        assertThat(shared.query("SELECT count(*) AS c FROM Keys").get(0).getLong("c")).isEqualTo(1L);
    }

    @Test
    void aThreeMegabyteRowIsWritten() {
        shared.handle().put(new PutRequest().setTableName("Wide")
            .setValue(new MapValue().put("id", 1).put("s", "x".repeat(3_000_000))));
        assertThat(shared.handle().get(new GetRequest().setTableName("Wide").setKey(new MapValue().put("id", 1)))
            .getValue().getString("s")).hasSize(3_000_000);
    }

    @Test
    void aBatchOf60OperationsIsWrittenWhole() {
        WriteMultipleRequest wm = new WriteMultipleRequest();
        for (int i = 0; i < 60; i++) {
            wm.add(new PutRequest().setTableName("Batch").setValue(new MapValue().put("s", 1).put("id", i)), false);
        }
        assertThat(shared.handle().writeMultiple(wm).getSuccess()).isTrue();
        assertThat(shared.query("SELECT * FROM Batch")).hasSize(60);
    }

    @Test
    void aTruncatedBodyIsBadProtocolMessage() throws Exception {
        byte[] full = RawRequests.body(4, 2, "Kept", new MapValue().put("k", new MapValue().put("id", 1)));
        MapValue r = RawRequests.post(shared.endpoint(), Arrays.copyOf(full, full.length - 7));
        assertThat(r.getInt("e")).as("code for a truncated body, message %s", r.get("x")).isEqualTo(17);
        assertThat(r.getString("x")).containsIgnoringCase("malformed");
    }

    @Test
    void aGarbageBodyIsBadProtocolMessage() throws Exception {
        byte[] garbage = new byte[300];
        new Random(11).nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = 4;
        garbage[2] = 6;
        MapValue r = RawRequests.post(shared.endpoint(), garbage);
        assertThat(r.getInt("e")).as("code for garbage, message %s", r.get("x")).isEqualTo(17);
        assertThat(r.getString("x")).isNotBlank();
    }

    @Test
    void anUnknownOpcodeIsBadProtocolMessageNamingIt() throws Exception {
        MapValue r = RawRequests.post(shared.endpoint(), RawRequests.body(4, 77, "Kept", null));
        assertThat(r.getInt("e")).as("code for opcode 77, message %s", r.get("x")).isEqualTo(17);
        assertThat(r.getString("x")).contains("77");
    }

    @Test
    void anUnsupportedSerialVersionIsUnsupportedProtocol() throws Exception {
        MapValue r = RawRequests.post(shared.endpoint(), RawRequests.body(9, 2, "Kept",
            new MapValue().put("k", new MapValue().put("id", 1))));
        assertThat(r.getInt("e")).as("code for serial version 9, message %s", r.get("x")).isEqualTo(24);
        assertThat(r.getString("x")).contains("9");
    }

    @Test
    void anUnsupportedQueryVersionIsUnsupportedQueryVersion() throws Exception {
        MapValue r = RawRequests.post(shared.endpoint(), RawRequests.body(4, 7, null,
            new MapValue().put("st", "SELECT * FROM Kept").put("qv", 99)));
        assertThat(r.getInt("e")).as("code for query version 99, message %s", r.get("x")).isEqualTo(27);
        assertThat(r.getString("x")).contains("99");
    }
}
