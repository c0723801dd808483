package io.mrtck.reference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.MapValue;

class RowsTest {
    private static final long T0 = Instant.parse("2026-11-26T10:15:00Z").toEpochMilli();

    @TempDir
    Path dir;
    private RegionStore store;
    private Rows rows;

    @BeforeEach
    void open() {
        store = RegionStore.open(dir);
        rows = new Rows(store, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC), Limits.defaults());
        store.changeCatalog(txn -> {
            txn.putTable(users(List.of()));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static TableSchema users(List<Integer> regions) {
        return new TableSchema("Users", null, List.of(
            new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("person", FieldType.json(null), true, null, false)),
            List.of("uid"), 1, null, regions, List.of(), 1, "CREATE TABLE Users(...)");
    }

    private static MapValue user(int id, String location) {
        MapValue person = new MapValue().put("location", location);
        return new MapValue().put("uid", id).put("person", person);
    }

    @Test
    void putThenGetReturnsRowWithMetadata() {
        WriteOutcome out = rows.put(PutOp.upsert("users", user(1, "FR")));
        StoredRow row = rows.get("USERS", new MapValue().put("uid", 1)).orElseThrow();
        assertThat(out.success()).isTrue();
        assertThat(row.version()).isEqualTo(out.version());
        assertThat(row.modificationTime()).isEqualTo(T0);
        assertThat(row.expirationTime()).isZero();
        assertThat(row.value().get("person").asMap().getString("location")).isEqualTo("FR");
    }

    @Test
    void rowsSurviveReopen() {
        rows.put(PutOp.upsert("Users", user(7, "CO")));
        store.close();
        store = RegionStore.open(dir);
        rows = new Rows(store, Clock.systemUTC(), Limits.defaults());
        assertThat(rows.get("Users", new MapValue().put("uid", 7))).isPresent();
    }

    @Test
    void ifVersionFailsOnStaleVersionAndReturnsExisting() {
        byte[] v1 = rows.put(PutOp.upsert("Users", user(1, "FR"))).version();
        byte[] v2 = rows.put(PutOp.upsert("Users", user(1, "CO"))).version();
        assertThat(v2).isNotEqualTo(v1);
        WriteOutcome stale = rows.put(new PutOp("Users", user(1, "XX"), PutOption.IF_VERSION, v1, null, false, true, false));
        assertThat(stale.success()).isFalse();
        assertThat(stale.existing().version()).isEqualTo(v2);
    }

    @Test
    void ttlRoundsUpToTheUnitAndExpiredRowsVanish() {
        rows.put(new PutOp("Users", user(1, "FR"), PutOption.ALWAYS, null, TimeToLive.parse("1 HOURS"), false, false, false));
        long exp = rows.get("Users", new MapValue().put("uid", 1)).orElseThrow().expirationTime();
        assertThat(exp).isEqualTo(Instant.parse("2026-11-26T12:00:00Z").toEpochMilli());
        Rows later = new Rows(store, Clock.fixed(Instant.ofEpochMilli(exp), ZoneOffset.UTC), Limits.defaults());
        assertThat(later.get("Users", new MapValue().put("uid", 1))).isEmpty();
    }

    @Test
    void wrongTypeIsRefusedWithTheRealMessage() {
        MapValue bad = new MapValue().put("uid", "one");
        assertThatThrownBy(() -> rows.put(PutOp.upsert("Users", bad)))
            .isInstanceOf(RequestException.class).hasMessage("Invalid string for Integer: one");
    }

    @Test
    void aKeyBeyondWhatTheStoreWritesTimesOutAndShorterOnesAreWritten() {
        store.changeCatalog(txn -> {
            txn.putTable(new TableSchema("K", null, List.of(
                new FieldDef("id", FieldType.of(TypeCode.STRING), false, null, false)),
                List.of("id"), 1, null, List.of(), List.of(), 1, ""));
            return null;
        });
        assertThat(rows.put(PutOp.upsert("K", new MapValue().put("id", "x".repeat(1000)))).success()).isTrue();
        MapValue big = new MapValue().put("id", "x".repeat(70_000));
        assertThatThrownBy(() -> rows.put(PutOp.upsert("K", big)))
            .isInstanceOfSatisfying(RequestException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_TIMEOUT));
    }

    @Test
    void abortedBatchWritesNothing() {
        rows.put(PutOp.upsert("Users", user(2, "FR")));
        WriteMultipleOutcome out = rows.writeMultiple(List.of(
            BatchOp.put(PutOp.upsert("Users", user(2, "CO")), true),
            BatchOp.put(new PutOp("Users", user(2, "XX"), PutOption.IF_ABSENT, null, null, false, false, false), true)));
        assertThat(out.aborted()).isTrue();
        assertThat(out.failedIndex()).isEqualTo(1);
        assertThat(rows.get("Users", new MapValue().put("uid", 2)).orElseThrow()
            .value().get("person").asMap().getString("location")).isEqualTo("FR");
    }

    @Test
    void aVersionedWriteReturnsTheExistingRowOnlyWhenItsVersionDiffers() {
        byte[] v1 = rows.put(PutOp.upsert("Users", user(4, "FR"))).version();
        WriteOutcome put = rows.put(new PutOp("Users", user(4, "CO"), PutOption.IF_VERSION, v1, null, false, true, false));
        assertThat(put.success()).isTrue();
        assertThat(put.existing()).as("a PutIfVersion that happened").isNull();
        WriteOutcome staleDelete = rows.delete(new DeleteOp("Users", new MapValue().put("uid", 4), v1, true));
        assertThat(staleDelete.success()).isFalse();
        assertThat(staleDelete.existing()).as("a DeleteIfVersion whose version differs").isNotNull();
        WriteOutcome delete = rows.delete(new DeleteOp("Users", new MapValue().put("uid", 4), put.version(), true));
        assertThat(delete.success()).isTrue();
        assertThat(delete.existing()).as("a DeleteIfVersion that happened").isNull();
        rows.put(PutOp.upsert("Users", user(4, "FR")));
        assertThat(rows.delete(new DeleteOp("Users", new MapValue().put("uid", 4), null, true)).existing())
            .as("a plain delete returns the row it deleted").isNotNull();
    }

    @Test
    void aBatchConvertsEveryOperationBeforeItComparesShardKeys() {
        MapValue badType = new MapValue().put("uid", "two");
        assertThatThrownBy(() -> rows.writeMultiple(List.of(
            BatchOp.put(PutOp.upsert("Users", user(1, "FR")), false),
            BatchOp.put(PutOp.upsert("Users", user(2, "FR")), false),
            BatchOp.put(PutOp.upsert("Users", badType), false))))
            .hasMessage("Invalid string for Integer: two");
        assertThatThrownBy(() -> rows.writeMultiple(List.of(
            BatchOp.put(PutOp.upsert("Users", user(1, "FR")), false),
            BatchOp.put(PutOp.upsert("Users", user(2, "FR")), false))))
            .hasMessage("Shard key: {\"uid\":2} does not match the shard key of previous rows in the list: {\"uid\":1}");
        assertThat(rows.get("Users", new MapValue().put("uid", 1))).as("nothing of a refused batch").isEmpty();
    }

    @Test
    void anSdkPutAndAStatementRefuseANullForANotNullColumnEachInItsWay() {
        store.changeCatalog(txn -> {
            txn.putTable(new TableSchema("NN", null, List.of(
                new FieldDef("id", FieldType.of(TypeCode.INTEGER), false, null, false),
                new FieldDef("v", FieldType.of(TypeCode.INTEGER), false, new oracle.nosql.driver.values.IntegerValue(7), false)),
                List.of("id"), 1, null, List.of(), List.of(), 1, ""));
            return null;
        });
        MapValue nullV = new MapValue().put("id", 1).put("v", oracle.nosql.driver.values.NullValue.getInstance());
        assertThatThrownBy(() -> rows.put(new PutOp("NN", nullV, PutOption.ALWAYS, null, null, false, false, false, true)))
            .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ERROR));
        assertThatThrownBy(() -> rows.put(PutOp.upsert("NN", nullV)))
            .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT))
            .hasMessage("Field \"v\" is not nullable");
    }

    @Test
    void deleteInMultiRegionTableLeavesInvisibleTombstone() {
        store.changeCatalog(txn -> {
            txn.putTable(users(List.of(1, 2)));
            txn.putRegion(new io.mrtck.reference.store.RegionInfo(1, "FR", true));
            return null;
        });
        rows.put(PutOp.upsert("Users", user(3, "FR")));
        assertThat(rows.delete(new DeleteOp("Users", new MapValue().put("uid", 3), null, false)).success()).isTrue();
        assertThat(rows.get("Users", new MapValue().put("uid", 3))).isEmpty();
        StoredRow tomb = store.read(txn -> txn.row(users(List.of(1, 2)),
            List.of(new oracle.nosql.driver.values.IntegerValue(3)))).orElseThrow();
        assertThat(tomb.tombstone()).isTrue();
    }

    @Test
    void purgeRemovesExpiredRowsAndOldTombstonesOnly() {
        store.changeCatalog(txn -> {
            txn.putTable(users(List.of(1, 2)));
            txn.putRegion(new io.mrtck.reference.store.RegionInfo(1, "FR", true));
            return null;
        });
        rows.put(new PutOp("Users", user(1, "FR"), PutOption.ALWAYS, null, TimeToLive.parse("1 HOURS"), false, false, false));
        rows.put(PutOp.upsert("Users", user(2, "FR")));
        rows.put(PutOp.upsert("Users", user(3, "FR")));
        rows.delete(new DeleteOp("Users", new MapValue().put("uid", 3), null, false));

        long inTwoHours = T0 + 2 * 3_600_000L;
        assertThat(store.purge(inTwoHours, 7L * 86_400_000L)).as("the expired row only").isEqualTo(1);
        assertThat(store.purge(T0 + 8L * 86_400_000L, 7L * 86_400_000L)).as("then the old tombstone").isEqualTo(1);
        int left = store.read(txn -> {
            int[] n = {0};
            txn.scan(users(List.of(1, 2)), List.of(), null, (k, r) -> ++n[0] > 0);
            return n[0];
        });
        assertThat(left).as("row 2 is left").isEqualTo(1);
    }
}
