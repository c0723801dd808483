package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import oracle.nosql.driver.FieldRange;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.Version;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.ops.DeleteResult;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.MultiDeleteRequest;
import oracle.nosql.driver.ops.MultiDeleteResult;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.ops.WriteMultipleResult;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/** Put/get/delete, writeMultiple and multiDelete through the SDK, on a region whose clock the test moves. */
@ControlledClock(start = "2026-03-01T10:20:30.123Z")
@ExtendWith(ReferenceRegionExtension.class)
class RowOperationsIT {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static String kvTable(RegionUnderTest region, String ttl) {
        String name = "Kv" + TABLES.incrementAndGet();
        region.ddl("CREATE TABLE " + name + "(id INTEGER, v STRING, PRIMARY KEY(id))" + (ttl == null ? "" : " USING TTL " + ttl));
        return name;
    }

    private static PutResult put(NoSQLHandle h, String table, int id, String v) {
        return h.put(new PutRequest().setTableName(table).setValue(new MapValue().put("id", id).put("v", v)));
    }

    private static GetResult get(NoSQLHandle h, String table, int id) {
        return h.get(new GetRequest().setTableName(table).setKey(new MapValue().put("id", id)));
    }

    private static long ceil(long t, long unit) {
        return Math.floorDiv(t + unit - 1, unit) * unit;
    }

    @Test
    void plainPutCreatesThenReplacesWithANewVersion(RegionUnderTest region, MutableClock clock) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        PutResult first = put(h, t, 1, "a");
        assertThat(first.getVersion()).as("version of a successful put").isNotNull();
        clock.advance(Duration.ofSeconds(1));
        PutResult second = put(h, t, 1, "b");
        assertThat(second.getVersion().getBytes()).as("a replaced row gets a new version")
            .isNotEqualTo(first.getVersion().getBytes());
        GetResult got = get(h, t, 1);
        assertThat(got.getValue().getString("v")).isEqualTo("b");
        assertThat(got.getVersion().getBytes()).isEqualTo(second.getVersion().getBytes());
        assertThat(got.getModificationTime()).as("modification time = region clock at the put")
            .isEqualTo(clock.millis());
        assertThat(got.getExpirationTime()).as("no TTL means expiration 0").isZero();
        assertThat((Object) get(h, t, 2).getValue()).as("absent row").isNull();
    }

    @Test
    void putIfAbsentSucceedsOnceAndThenReturnsTheExistingRow(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        PutRequest ifAbsent = new PutRequest().setTableName(t).setOption(PutRequest.Option.IfAbsent)
            .setValue(new MapValue().put("id", 1).put("v", "first")).setReturnRow(true);
        PutResult ok = h.put(ifAbsent);
        assertThat(ok.getVersion()).isNotNull();
        assertThat((Object) ok.getExistingValue()).as("no existing row on success").isNull();

        PutResult failed = h.put(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfAbsent)
            .setValue(new MapValue().put("id", 1).put("v", "second")).setReturnRow(true));
        assertThat(failed.getVersion()).as("no version when IfAbsent finds a row").isNull();
        assertThat(failed.getExistingValue().toJson()).isEqualTo("{\"id\":1,\"v\":\"first\"}");
        assertThat(failed.getExistingVersion().getBytes()).isEqualTo(ok.getVersion().getBytes());
        assertThat(failed.getExistingModificationTime()).isEqualTo(get(h, t, 1).getModificationTime());
        assertThat(get(h, t, 1).getValue().getString("v")).isEqualTo("first");
    }

    @Test
    void putIfPresentOnlyReplacesAnExistingRow(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        PutResult missing = h.put(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfPresent)
            .setValue(new MapValue().put("id", 1).put("v", "x")).setReturnRow(true));
        assertThat(missing.getVersion()).as("IfPresent on an absent row").isNull();
        assertThat((Object) missing.getExistingValue()).isNull();
        assertThat((Object) get(h, t, 1).getValue()).isNull();

        put(h, t, 1, "old");
        PutResult replaced = h.put(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfPresent)
            .setValue(new MapValue().put("id", 1).put("v", "new")));
        assertThat(replaced.getVersion()).isNotNull();
        assertThat(get(h, t, 1).getValue().getString("v")).isEqualTo("new");
    }

    @Test
    void putIfVersionFailsWhenTheRowChanged(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        Version v1 = put(h, t, 1, "one").getVersion();
        PutResult ok = h.put(new PutRequest().setTableName(t).setMatchVersion(v1)
            .setValue(new MapValue().put("id", 1).put("v", "two")));
        assertThat(ok.getVersion()).as("IfVersion with the current version").isNotNull();

        PutResult stale = h.put(new PutRequest().setTableName(t).setMatchVersion(v1).setReturnRow(true)
            .setValue(new MapValue().put("id", 1).put("v", "three")));
        assertThat(stale.getVersion()).as("IfVersion with a stale version").isNull();
        assertThat(stale.getExistingValue().getString("v")).isEqualTo("two");
        assertThat(stale.getExistingVersion().getBytes()).isEqualTo(ok.getVersion().getBytes());
        assertThat(get(h, t, 1).getValue().getString("v")).isEqualTo("two");
    }

    @Test
    void ttlOnPutExpiresAtTheNextHourOrDayBoundaryAndTheRowVanishesAfterIt(RegionUnderTest region,
                                                                            MutableClock clock) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        long now = clock.millis();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "h"))
            .setTTL(TimeToLive.ofHours(3)));
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 2).put("v", "d"))
            .setTTL(TimeToLive.ofDays(2)));
        long hours = get(h, t, 1).getExpirationTime();
        long days = get(h, t, 2).getExpirationTime();
        assertThat(hours).as("3 HOURS from %s", Instant.ofEpochMilli(now))
            .isEqualTo(ceil(now + 3 * HOUR, HOUR)).isNotEqualTo(now + 3 * HOUR);
        assertThat(days).as("2 DAYS from %s", Instant.ofEpochMilli(now)).isEqualTo(ceil(now + 2 * DAY, DAY));

        clock.set(Instant.ofEpochMilli(hours - 1));
        assertThat((Object) get(h, t, 1).getValue()).as("row just before its expiration").isNotNull();
        clock.set(Instant.ofEpochMilli(hours));
        assertThat((Object) get(h, t, 1).getValue()).as("row at its expiration time").isNull();
        assertThat(region.query("SELECT id FROM " + t)).extracting(r -> r.getInt("id")).containsExactly(2);
    }

    @Test
    void aPutWithTtlReplacesTheExpirationAndAPutWithoutTtlKeepsIt(RegionUnderTest region, MutableClock clock) {
        // In SDK 5.4.18 a TTL on the request implies getUpdateTTL(): the row's TTL is updated.
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "a"))
            .setTTL(TimeToLive.ofHours(3)));
        long first = get(h, t, 1).getExpirationTime();
        assertThat(first).isEqualTo(ceil(clock.millis() + 3 * HOUR, HOUR));

        clock.advance(Duration.ofMinutes(90));
        PutRequest longer = new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "b"))
            .setTTL(TimeToLive.ofHours(10));
        assertThat(longer.getUpdateTTL()).isTrue();
        h.put(longer);
        long updated = get(h, t, 1).getExpirationTime();
        assertThat(updated).as("TTL 10 HOURS on an existing row").isEqualTo(ceil(clock.millis() + 10 * HOUR, HOUR))
            .isNotEqualTo(first);

        clock.advance(Duration.ofMinutes(30));
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "d")));
        assertThat(get(h, t, 1).getExpirationTime()).as("a put without TTL keeps the row's TTL").isEqualTo(updated);
        assertThat(get(h, t, 1).getValue().getString("v")).isEqualTo("d");

        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "e"))
            .setUseTableDefaultTTL(true));
        assertThat(get(h, t, 1).getExpirationTime()).as("table default of a table without TTL: never expires")
            .isZero();
    }

    @Test
    void tableDefaultTtlAppliesToAPutWithoutTtl(RegionUnderTest region, MutableClock clock) {
        String t = kvTable(region, "2 DAYS");
        NoSQLHandle h = region.handle();
        put(h, t, 1, "x");
        assertThat(get(h, t, 1).getExpirationTime()).isEqualTo(ceil(clock.millis() + 2 * DAY, DAY));
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 2).put("v", "y"))
            .setTTL(TimeToLive.ofHours(1)));
        assertThat(get(h, t, 2).getExpirationTime()).as("an explicit TTL overrides the table default")
            .isEqualTo(ceil(clock.millis() + HOUR, HOUR));
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 2).put("v", "z"))
            .setUseTableDefaultTTL(true));
        assertThat(get(h, t, 2).getExpirationTime()).as("setUseTableDefaultTTL on an existing row")
            .isEqualTo(ceil(clock.millis() + 2 * DAY, DAY));
    }

    @Test
    void deleteRemovesTheRowAndReportsWhetherOneExisted(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        put(h, t, 1, "x");
        DeleteResult deleted = h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 1)));
        assertThat(deleted.getSuccess()).isTrue();
        assertThat((Object) get(h, t, 1).getValue()).isNull();
        assertThat(h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 1))).getSuccess())
            .as("deleting an absent row").isFalse();
    }

    @Test
    void deleteIfVersionFailsOnAStaleVersionAndReturnsTheRow(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        Version v1 = put(h, t, 1, "one").getVersion();
        Version v2 = put(h, t, 1, "two").getVersion();
        DeleteResult stale = h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 1))
            .setMatchVersion(v1).setReturnRow(true));
        assertThat(stale.getSuccess()).isFalse();
        assertThat(stale.getExistingValue().getString("v")).isEqualTo("two");
        assertThat(stale.getExistingVersion().getBytes()).isEqualTo(v2.getBytes());
        assertThat((Object) get(h, t, 1).getValue()).as("row kept after a failed delete").isNotNull();

        DeleteResult ok = h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 1))
            .setMatchVersion(v2));
        assertThat(ok.getSuccess()).isTrue();
        assertThat((Object) get(h, t, 1).getValue()).isNull();
    }

    private static String batchTable(RegionUnderTest region) {
        String name = "Wm" + TABLES.incrementAndGet();
        region.ddl("CREATE TABLE " + name + "(s INTEGER, id INTEGER, v STRING, PRIMARY KEY(SHARD(s), id))");
        return name;
    }

    private static MapValue row(int id, String v) {
        return new MapValue().put("s", 1).put("id", id).put("v", v);
    }

    private static MapValue key(int id) {
        return new MapValue().put("s", 1).put("id", id);
    }

    private static FieldValue value(NoSQLHandle h, String t, int id) {
        return h.get(new GetRequest().setTableName(t).setKey(key(id))).getValue();
    }

    @Test
    void writeMultipleAppliesEveryOperationAndReportsEach(RegionUnderTest region) {
        String t = batchTable(region);
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(row(9, "to delete")));
        WriteMultipleRequest wm = new WriteMultipleRequest()
            .add(new PutRequest().setTableName(t).setValue(row(1, "a")), true)
            .add(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfAbsent).setValue(row(2, "b")), true)
            .add(new DeleteRequest().setTableName(t).setKey(key(9)), true)
            .add(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfPresent).setValue(row(3, "c")), false);
        WriteMultipleResult r = h.writeMultiple(wm);
        assertThat(r.getSuccess()).isTrue();
        assertThat(r.getResults()).hasSize(4);
        assertThat(r.getResults().get(0).getSuccess()).isTrue();
        assertThat(r.getResults().get(0).getVersion()).isNotNull();
        assertThat(r.getResults().get(1).getSuccess()).isTrue();
        assertThat(r.getResults().get(2).getSuccess()).as("delete of row 9").isTrue();
        assertThat(r.getResults().get(3).getSuccess()).as("IfPresent on absent row 3, not abort-on-fail").isFalse();
        assertThat(h.get(new GetRequest().setTableName(t).setKey(key(1))).getVersion().getBytes())
            .isEqualTo(r.getResults().get(0).getVersion().getBytes());
        assertThat(value(h, t, 2).asMap().getString("v")).isEqualTo("b");
        assertThat((Object) value(h, t, 9)).isNull();
        assertThat((Object) value(h, t, 3)).isNull();
    }

    @Test
    void writeMultipleAbortsEverythingWhenAnAbortOnFailOperationFails(RegionUnderTest region) {
        String t = batchTable(region);
        NoSQLHandle h = region.handle();
        Version existing = h.put(new PutRequest().setTableName(t).setValue(row(2, "already"))).getVersion();
        WriteMultipleRequest wm = new WriteMultipleRequest()
            .add(new PutRequest().setTableName(t).setValue(row(1, "a")), true)
            .add(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfAbsent).setReturnRow(true)
                .setValue(row(2, "b")), true)
            .add(new PutRequest().setTableName(t).setValue(row(3, "c")), true);
        WriteMultipleResult r = h.writeMultiple(wm);
        assertThat(r.getSuccess()).isFalse();
        assertThat(r.getFailedOperationIndex()).isEqualTo(1);
        assertThat(r.getFailedOperationResult().getSuccess()).isFalse();
        assertThat(r.getFailedOperationResult().getExistingValue().getString("v")).isEqualTo("already");
        assertThat(r.getFailedOperationResult().getExistingVersion().getBytes()).isEqualTo(existing.getBytes());
        assertThat((Object) value(h, t, 1)).as("row 1 of the aborted batch").isNull();
        assertThat((Object) value(h, t, 3)).as("row 3 of the aborted batch").isNull();
        assertThat(value(h, t, 2).asMap().getString("v")).isEqualTo("already");
    }

    private static String shardedTable(RegionUnderTest region, int shards, int perShard) {
        String name = "Sh" + TABLES.incrementAndGet();
        region.ddl("CREATE TABLE " + name + "(s INTEGER, c INTEGER, pad STRING, PRIMARY KEY(SHARD(s), c))");
        for (int s = 0; s < shards; s++) {
            for (int c = 0; c < perShard; c++) {
                region.handle().put(new PutRequest().setTableName(name)
                    .setValue(new MapValue().put("s", s).put("c", c).put("pad", "x".repeat(1100))));
            }
        }
        return name;
    }

    @Test
    void multiDeleteRemovesEveryRowOfAShardKeyAndNoOther(RegionUnderTest region) {
        String t = shardedTable(region, 3, 5);
        MultiDeleteResult r = region.handle().multiDelete(new MultiDeleteRequest().setTableName(t)
            .setKey(new MapValue().put("s", 1)));
        assertThat(r.getNumDeletions()).isEqualTo(5);
        assertThat(r.getContinuationKey()).isNull();
        assertThat(region.query("SELECT s, count(*) AS n FROM " + t + " GROUP BY s"))
            .extracting(MapValue::toJson)
            .containsExactlyInAnyOrder("{\"s\":0,\"n\":5}", "{\"s\":2,\"n\":5}");
    }

    @Test
    void multiDeleteWithAFieldRangeRemovesOnlyTheRange(RegionUnderTest region) {
        String t = shardedTable(region, 2, 6);
        MultiDeleteResult r = region.handle().multiDelete(new MultiDeleteRequest().setTableName(t)
            .setKey(new MapValue().put("s", 0))
            .setRange(new FieldRange("c").setStart(new IntegerValue(1), true).setEnd(new IntegerValue(4), false)));
        assertThat(r.getNumDeletions()).as("c in [1, 4)").isEqualTo(3);
        assertThat(region.query("SELECT c FROM " + t + " WHERE s = 0")).extracting(m -> m.getInt("c"))
            .containsExactlyInAnyOrder(0, 4, 5);
        assertThat(region.query("SELECT c FROM " + t + " WHERE s = 1")).hasSize(6);
    }

    @Test
    void multiDeleteWithMaxWriteKbContinuesUntilEveryRowIsGone(RegionUnderTest region) {
        String t = shardedTable(region, 2, 20);
        int total = 0;
        int calls = 0;
        byte[] continuation = null;
        do {
            MultiDeleteResult r = region.handle().multiDelete(new MultiDeleteRequest().setTableName(t)
                .setKey(new MapValue().put("s", 1)).setMaxWriteKB(3).setContinuationKey(continuation));
            assertThat(r.getNumDeletions()).as("deletions of call %d", calls).isPositive().isLessThan(20);
            total += r.getNumDeletions();
            continuation = r.getContinuationKey();
            calls++;
        } while (continuation != null && calls < 100);
        assertThat(continuation).as("continuation after %d calls", calls).isNull();
        assertThat(calls).as("a 3 KB write budget cannot delete 20 rows in one call").isGreaterThan(1);
        assertThat(total).isEqualTo(20);
        assertThat(region.query("SELECT * FROM " + t + " WHERE s = 1")).isEmpty();
        assertThat(region.query("SELECT * FROM " + t + " WHERE s = 0")).hasSize(20);
    }

    static Stream<Arguments> everyType() {
        MapValue nested = new MapValue();
        nested.putFromJson("doc", "{\"a\":[1,2.5,{\"b\":null,\"c\":\"\\u00e9t\\u00e9\"}],\"t\":true,\"big\":12345678901234}", null);
        return Stream.of(
            Arguments.of("INTEGER", new IntegerValue(Integer.MIN_VALUE)),
            Arguments.of("INTEGER", new IntegerValue(Integer.MAX_VALUE)),
            Arguments.of("LONG", new LongValue(Long.MIN_VALUE)),
            Arguments.of("LONG", new LongValue(Long.MAX_VALUE)),
            Arguments.of("FLOAT", new DoubleValue(1.5)),
            Arguments.of("FLOAT", new DoubleValue((double) 3.4028235E38f)),
            Arguments.of("DOUBLE", new DoubleValue(-1.2345678901234567E-300)),
            Arguments.of("DOUBLE", new DoubleValue(Double.MAX_VALUE)),
            Arguments.of("NUMBER", new NumberValue(new BigDecimal("12345678901234567890.123456789012345678901234567890"))),
            Arguments.of("NUMBER", new NumberValue(new BigDecimal("-1E-30"))),
            Arguments.of("STRING", new StringValue("h\u00e9llo \u2603 \uD83D\uDE00 \"quoted\"\n")),
            Arguments.of("STRING", new StringValue("")),
            Arguments.of("BOOLEAN", BooleanValue.falseInstance()),
            Arguments.of("BINARY", new BinaryValue(new byte[] {0, 1, -1, 127, -128, 42})),
            Arguments.of("TIMESTAMP(3)", new TimestampValue("2026-02-28T23:59:59.987Z")),
            Arguments.of("TIMESTAMP(0)", new TimestampValue("1970-01-01T00:00:00Z")),
            Arguments.of("JSON", nested.get("doc")),
            Arguments.of("ARRAY(LONG)", new ArrayValue().add(1L).add(-2L).add(Long.MAX_VALUE)),
            Arguments.of("MAP(STRING)", new MapValue().put("k1", "v1").put("k 2", "")),
            Arguments.of("RECORD(x INTEGER, y STRING, z ARRAY(STRING))",
                new MapValue().put("x", 7).put("y", "why").put("z", new ArrayValue().add("p").add("q"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyType")
    void everyTypeRoundTripsExactly(String type, FieldValue value, RegionUnderTest region) {
        String t = "Rt" + TABLES.incrementAndGet();
        region.ddl("CREATE TABLE " + t + "(id INTEGER, col " + type + ", PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("col", value)));
        FieldValue back = region.handle().get(new GetRequest().setTableName(t)
            .setKey(new MapValue().put("id", 1))).getValue().get("col");
        assertThat(back.getType()).as("type of a %s read back", type).isEqualTo(value.getType());
        assertThat(back.toJson()).as("%s read back", type).isEqualTo(value.toJson());
        assertThat((Object) back).as("%s read back", type).isEqualTo(value);
        FieldValue queried = region.query("SELECT col FROM " + t).get(0).get("col");
        assertThat((Object) queried).as("%s through a query", type).isEqualTo(value);
    }

    @Test
    void unknownFieldsAreIgnoredUnlessExactMatchIsSet(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "a").put("extra", 5)));
        assertThat(get(h, t, 1).getValue().toJson()).as("an unknown field is dropped").isEqualTo("{\"id\":1,\"v\":\"a\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.put(new PutRequest().setTableName(t).setExactMatch(true)
                .setValue(new MapValue().put("id", 2).put("v", "a").put("extra", 5))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra");
        assertThat((Object) get(h, t, 2).getValue()).isNull();
    }

    @Test
    void getNeedsTheWholePrimaryKey(RegionUnderTest region) {
        region.ddl("CREATE TABLE Pk2(a INTEGER, b INTEGER, v STRING, PRIMARY KEY(a, b))");
        NoSQLHandle h = region.handle();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.get(new GetRequest().setTableName("Pk2")
                .setKey(new MapValue().put("a", 1))))
            .as("a key without b").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
    }

    @Test
    void valuesAreConvertedToTheColumnTypeOrRefused(RegionUnderTest region) {
        region.ddl("CREATE TABLE Conv(id INTEGER, l LONG, n NUMBER, f FLOAT, d DOUBLE, i INTEGER,"
            + " ts3 TIMESTAMP(3), ts0 TIMESTAMP(0), PRIMARY KEY(id))");
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName("Conv").setValue(new MapValue().put("id", 1).put("l", 5).put("n", 7)
            .put("f", 0.1).put("d", 3).put("i", 9L)
            .put("ts3", new TimestampValue("2026-01-01T00:00:00.123456789Z"))
            .put("ts0", new TimestampValue("2026-01-01T00:00:00.987Z"))));
        MapValue back = h.get(new GetRequest().setTableName("Conv").setKey(new MapValue().put("id", 1))).getValue();
        assertThat((Object) back.get("l")).as("INTEGER into LONG").isEqualTo(new LongValue(5));
        assertThat(back.get("n").isNumber()).as("INTEGER into NUMBER is a NUMBER: %s", back.get("n")).isTrue();
        assertThat(back.get("n").getNumber()).isEqualByComparingTo("7");
        assertThat(back.get("f").getDouble()).as("0.1 stored as a FLOAT").isEqualTo((double) 0.1f);
        assertThat((Object) back.get("d")).as("INTEGER into DOUBLE").isEqualTo(new DoubleValue(3.0));
        assertThat((Object) back.get("i")).as("LONG 9 into INTEGER").isEqualTo(new IntegerValue(9));
        assertThat(back.get("ts3").getTimestamp().toInstant()).as("TIMESTAMP(3) rounds to milliseconds")
            .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThat(back.get("ts0").getTimestamp().toInstant()).as("TIMESTAMP(0) rounds to seconds")
            .isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.put(new PutRequest().setTableName("Conv")
                .setValue(new MapValue().put("id", 2).put("i", Long.MAX_VALUE))))
            .as("a LONG out of INTEGER range").isInstanceOf(IllegalArgumentException.class)
            .hasMessage("PUT: Illegal Argument: Int overflow: 9223372036854775807");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.put(new PutRequest().setTableName("Conv")
                .setValue(new MapValue().put("id", 2).put("i", 1.5))))
            .as("a fractional DOUBLE into INTEGER").isInstanceOf(IllegalArgumentException.class)
            .hasMessage("PUT: Illegal Argument: Converting double to int loses information: 1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.put(new PutRequest().setTableName("Conv")
                .setValue(new MapValue().put("id", 2).put("d", true))))
            .as("a BOOLEAN into DOUBLE").isInstanceOf(IllegalArgumentException.class)
            .hasMessage("PUT: Illegal Argument: Invalid driver type for Double: BOOLEAN");
    }

    @Test
    void aRowPastItsExpirationIsGoneForQueriesAndPutIfAbsent(RegionUnderTest region, MutableClock clock) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "old"))
            .setTTL(TimeToLive.ofHours(1)));
        put(h, t, 2, "stays");
        clock.set(Instant.ofEpochMilli(get(h, t, 1).getExpirationTime()).plusSeconds(1));
        assertThat(region.query("SELECT count(*) AS n FROM " + t).get(0).getLong("n")).isEqualTo(1L);
        PutResult again = h.put(new PutRequest().setTableName(t).setOption(PutRequest.Option.IfAbsent)
            .setValue(new MapValue().put("id", 1).put("v", "new")));
        assertThat(again.getVersion()).as("IfAbsent over an expired row").isNotNull();
        assertThat(get(h, t, 1).getExpirationTime()).as("the new row has no TTL").isZero();
        assertThat(h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 2))).getSuccess()).isTrue();
    }

    @Test
    void multiDeleteRangeBoundsAreInclusiveOrExclusiveAsAsked(RegionUnderTest region) {
        region.ddl("CREATE TABLE MdStr(s INTEGER, k STRING, PRIMARY KEY(SHARD(s), k))");
        for (String k : new String[] {"a", "b", "c", "d", "e"}) {
            region.handle().put(new PutRequest().setTableName("MdStr").setValue(new MapValue().put("s", 1).put("k", k)));
        }
        MultiDeleteResult r = region.handle().multiDelete(new MultiDeleteRequest().setTableName("MdStr")
            .setKey(new MapValue().put("s", 1))
            .setRange(new FieldRange("k").setStart(new StringValue("a"), false).setEnd(new StringValue("c"), true)));
        assertThat(r.getNumDeletions()).as("k in (a, c]").isEqualTo(2);
        r = region.handle().multiDelete(new MultiDeleteRequest().setTableName("MdStr")
            .setKey(new MapValue().put("s", 1)).setRange(new FieldRange("k").setStart(new StringValue("d"), true)));
        assertThat(r.getNumDeletions()).as("k >= d").isEqualTo(2);
        assertThat(region.query("SELECT k FROM MdStr")).extracting(m -> m.getString("k")).containsExactly("a");
    }

    @Test
    void multiDeleteWithoutTheWholeShardKeyIsRefused(RegionUnderTest region) {
        region.ddl("CREATE TABLE MdShard(a INTEGER, b INTEGER, c INTEGER, PRIMARY KEY(SHARD(a, b), c))");
        region.handle().put(new PutRequest().setTableName("MdShard").setValue(new MapValue().put("a", 1).put("b", 1).put("c", 1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> region.handle().multiDelete(
                new MultiDeleteRequest().setTableName("MdShard").setKey(new MapValue().put("a", 1))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shard");
        assertThat(region.query("SELECT * FROM MdShard")).hasSize(1);
    }

    @Test
    void writeMultipleSpansAParentAndItsChildTable(RegionUnderTest region) {
        region.ddl("CREATE TABLE Fam(pid INTEGER, name STRING, PRIMARY KEY(pid))");
        region.ddl("CREATE TABLE Fam.Kid(kid INTEGER, name STRING, PRIMARY KEY(kid))");
        WriteMultipleResult r = region.handle().writeMultiple(new WriteMultipleRequest()
            .add(new PutRequest().setTableName("Fam").setValue(new MapValue().put("pid", 1).put("name", "p")), true)
            .add(new PutRequest().setTableName("Fam.Kid").setValue(new MapValue().put("pid", 1).put("kid", 1).put("name", "k1")), true)
            .add(new PutRequest().setTableName("Fam.Kid").setValue(new MapValue().put("pid", 1).put("kid", 2).put("name", "k2")), true));
        assertThat(r.getSuccess()).isTrue();
        assertThat(region.query("SELECT kid FROM Fam.Kid WHERE pid = 1")).extracting(m -> m.getInt("kid"))
            .containsExactly(1, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> region.handle().writeMultiple(new WriteMultipleRequest()
                .add(new PutRequest().setTableName("Fam").setValue(new MapValue().put("pid", 2).put("name", "p")), true)
                .add(new PutRequest().setTableName("Fam.Kid").setValue(new MapValue().put("pid", 3).put("kid", 1)), true)))
            .as("two shard keys in one WriteMultiple").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putIfVersionOfADeletedRowFails(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        Version v = put(h, t, 1, "x").getVersion();
        h.delete(new DeleteRequest().setTableName(t).setKey(new MapValue().put("id", 1)));
        PutResult r = h.put(new PutRequest().setTableName(t).setMatchVersion(v).setReturnRow(true)
            .setValue(new MapValue().put("id", 1).put("v", "y")));
        assertThat(r.getVersion()).isNull();
        assertThat((Object) r.getExistingValue()).isNull();
        assertThat((Object) get(h, t, 1).getValue()).isNull();
    }

    @Test
    void multiDeleteChargesEveryDeletedRowAtLeastOneKb(RegionUnderTest region) {
        String t = shardedTable(region, 1, 0);
        for (int c = 0; c < 20; c++) {
            region.handle().put(new PutRequest().setTableName(t).setValue(new MapValue().put("s", 0).put("c", c).put("pad", "p")));
        }
        MultiDeleteResult first = region.handle().multiDelete(new MultiDeleteRequest().setTableName(t)
            .setKey(new MapValue().put("s", 0)).setMaxWriteKB(3));
        assertThat(first.getNumDeletions()).as("small rows deleted under a 3 KB write budget").isLessThanOrEqualTo(3);
        assertThat(first.getContinuationKey()).isNotNull();
    }

    @Test
    void aZeroTtlNeverExpiresEvenOnATableWithADefault(RegionUnderTest region) {
        String t = kvTable(region, "3 DAYS");
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("id", 1).put("v", "x"))
            .setTTL(TimeToLive.DO_NOT_EXPIRE));
        assertThat(get(h, t, 1).getExpirationTime()).as("TTL 0 DAYS").isZero();
        region.query("INSERT INTO " + t + " VALUES (2, 'y') SET TTL 0 HOURS");
        assertThat(get(h, t, 2).getExpirationTime()).as("SET TTL 0 HOURS").isZero();
    }

    @Test
    void fieldNamesMatchColumnsIgnoringCase(RegionUnderTest region) {
        String t = kvTable(region, null);
        NoSQLHandle h = region.handle();
        h.put(new PutRequest().setTableName(t).setValue(new MapValue().put("ID", 7).put("V", "upper")));
        GetResult r = h.get(new GetRequest().setTableName(t).setKey(new MapValue().put("Id", 7)));
        assertThat(r.getValue().toJson()).as("the row under the schema's names").isEqualTo("{\"id\":7,\"v\":\"upper\"}");
    }
}
