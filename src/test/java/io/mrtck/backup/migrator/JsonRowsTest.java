package io.mrtck.backup.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.TableDefinition;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.TimestampValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRowsTest {
    private static final TableDefinition TABLE = TableDefinition.parse("{\"name\":\"t\",\"shardKey\":[\"id\"],"
        + "\"primaryKey\":[\"id\"],\"fields\":[{\"name\":\"id\",\"type\":\"INTEGER\"},{\"name\":\"l\",\"type\":\"LONG\"},"
        + "{\"name\":\"f\",\"type\":\"FLOAT\"},{\"name\":\"d\",\"type\":\"DOUBLE\"},{\"name\":\"n\",\"type\":\"NUMBER\"},"
        + "{\"name\":\"bin\",\"type\":\"BINARY\"},{\"name\":\"ts\",\"type\":\"TIMESTAMP\",\"precision\":9},"
        + "{\"name\":\"arr\",\"type\":\"ARRAY\",\"collection\":{\"type\":\"LONG\"}},"
        + "{\"name\":\"rec\",\"type\":\"RECORD\",\"fields\":[{\"name\":\"p\",\"type\":\"INTEGER\"}]},"
        + "{\"name\":\"doc\",\"type\":\"JSON\"}]}");

    private static ExportedRow row(int id, long expiration) {
        return new ExportedRow(new MapValue().put("id", id).put("l", 1L << 40).put("f", 1.5).put("d", 2.0 / 3)
            .put("n", new NumberValue(new BigDecimal("12345678901234567890.5"))).put("bin", new BinaryValue(new byte[] {0, 1, 2}))
            .put("ts", new TimestampValue("2021-02-03T04:05:06.123456789Z")).put("arr", new oracle.nosql.driver.values.ArrayValue()
                .add(1L << 33)).put("rec", new MapValue().put("p", id))
            .put("doc", FieldValue.createFromJson("{\"a\":{\"b\":[1,0.5,null,\"x\"]}}", null).asMap()
                .put("big", new NumberValue(new BigDecimal("12345678901234567890.5")))),
            expiration);
    }

    private static List<ExportedRow> roundTrip(Path file, boolean pretty, List<ExportedRow> rows) throws IOException {
        try (JsonRowsWriter w = new JsonRowsWriter(file, "t", true, pretty, 0)) {
            for (ExportedRow r : rows) {
                w.write(r);
            }
        }
        List<ExportedRow> out = new ArrayList<>();
        try (JsonRowsReader r = new JsonRowsReader(file, TABLE)) {
            for (ExportedRow row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void rowsComeBackWithTheirColumnTypesAndOnlyExpiringRowsCarryMetadata(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.json");
        List<ExportedRow> rows = List.of(row(1, 0), row(2, 1_796_076_000_000L));
        for (boolean pretty : new boolean[] {false, true}) {
            List<ExportedRow> back = roundTrip(file, pretty, rows);
            assertThat(back).extracting(ExportedRow::expiration).containsExactly(0L, 1_796_076_000_000L);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(back.get(i).value().toJson()).isEqualTo(rows.get(i).value().toJson());
            }
            assertThat(back.get(0).value().get("ts").getType()).isEqualTo(FieldValue.Type.TIMESTAMP);
            assertThat(back.get(0).value().get("bin").getType()).isEqualTo(FieldValue.Type.BINARY);
            assertThat(back.get(0).value().get("n").getNumber()).isEqualTo(new BigDecimal("12345678901234567890.5"));
            assertThat(back.get(0).value().get("doc").asMap().get("big").getType()).isEqualTo(FieldValue.Type.NUMBER);
        }
        assertThat(Files.readString(file)).containsOnlyOnce("\"_metadata\"");
    }

    @Test
    void aFieldThatIsNotAColumnIsRefusedNamingRowAndByte(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"id\":1}\n{\"id\":2,\"nope\":3}\n");
        assertThatThrownBy(() -> roundTripRead(file)).isInstanceOf(BackupException.class)
            .hasMessageContaining("row 2 at byte 9").hasMessageContaining("field nope is not a column of table t");
    }

    @Test
    void aTruncatedFileIsRefusedWithThePosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.json");
        roundTrip(file, false, List.of(row(1, 0), row(2, 0)));
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 20));
        assertThatThrownBy(() -> roundTripRead(file)).isInstanceOf(BackupException.class)
            .hasMessageContaining("is not valid JSON at byte").hasMessageContaining("after 1 complete rows");
    }

    private static void roundTripRead(Path file) throws IOException {
        try (JsonRowsReader r = new JsonRowsReader(file, TABLE)) {
            while (r.next() != null) {
                // read them all
            }
        }
    }
}
