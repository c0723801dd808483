package io.mrtck.backup.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExportedRow;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.TimestampValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryRowsTest {
    private static final Pattern FIRST_BYTE = Pattern.compile("bytes? (\\d+)");

    private static List<ExportedRow> rows() {
        List<ExportedRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MapValue doc = new MapValue().put("d", new DoubleValue(0.5)).put("n", new NumberValue(new BigDecimal("1.50")))
                .put("big", new NumberValue(new BigDecimal("12345678901234567890.123"))).put("nul", JsonNullValue.getInstance())
                .put("arr", new ArrayValue().add(1).add("x").add(new LongValue(1L << 40)));
            rows.add(new ExportedRow(new MapValue().put("id", i).put("s", "é✓" + i).put("b", i % 2 == 0)
                .put("bin", new BinaryValue(new byte[] {0, (byte) 255, (byte) i}))
                .put("ts", new TimestampValue("2021-02-03T04:05:06.123456789Z")).put("sqlNull", NullValue.getInstance())
                .put("doc", doc), i == 0 ? 0 : 1_796_076_000_000L + i));
        }
        return rows;
    }

    private static Path write(Path dir, List<ExportedRow> rows) throws IOException {
        Path f = dir.resolve("t.rows");
        try (BinaryRowsWriter w = new BinaryRowsWriter(f, "t")) {
            for (ExportedRow r : rows) {
                w.write(r);
            }
        }
        return f;
    }

    private static List<ExportedRow> readAll(Path f) throws IOException {
        List<ExportedRow> out = new ArrayList<>();
        try (BinaryRowsReader r = new BinaryRowsReader(f)) {
            for (ExportedRow row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void everyValueComesBackExactlyWithItsTypeAndExpiration(@TempDir Path dir) throws IOException {
        List<ExportedRow> rows = rows();
        List<ExportedRow> back = readAll(write(dir, rows));
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.get(i).expiration()).isEqualTo(rows.get(i).expiration());
            assertThat(back.get(i).value().toJson()).isEqualTo(rows.get(i).value().toJson());
            MapValue doc = back.get(i).value().get("doc").asMap();
            assertThat(doc.get("d").getType()).isEqualTo(FieldValue.Type.DOUBLE);
            assertThat(doc.get("n").getNumber().toString()).isEqualTo("1.50");
            assertThat(back.get(i).value().get("sqlNull").isNull()).isTrue();
            assertThat(doc.get("nul").isJsonNull()).isTrue();
            assertThat(back.get(i).value().get("ts").getTimestamp().getNanos()).isEqualTo(123_456_789);
        }
    }

    @Test
    void aFileCutAtAnyByteIsRefusedAsTruncated(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(write(dir, rows()));
        Path cut = dir.resolve("cut.rows");
        for (int length = 0; length < whole.length; length++) {
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            int at = length;
            assertThatThrownBy(() -> readAll(cut)).as("cut at byte %d", at).isInstanceOf(BackupException.class)
                .hasMessageContaining(cut.toString()).hasMessageMatching("(?s).*(truncated|damaged).*");
        }
    }

    @Test
    void aFlippedByteIsFoundAtOrBeforeItsPosition(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(write(dir, rows()));
        int header = 8 + 2 + 2 + 1;
        Path damaged = dir.resolve("flip.rows");
        for (int at = header; at < whole.length; at++) {
            byte[] copy = whole.clone();
            copy[at] ^= 0x10;
            Files.write(damaged, copy);
            int flipped = at;
            BackupException e = org.junit.jupiter.api.Assertions.assertThrows(BackupException.class, () -> readAll(damaged),
                "flip at byte " + at);
            Matcher m = FIRST_BYTE.matcher(e.getMessage());
            assertThat(m.find()).as("a byte position in: %s", e.getMessage()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as("position reported for a flip at %d: %s", flipped, e.getMessage())
                .isLessThanOrEqualTo(flipped);
        }
    }
}
