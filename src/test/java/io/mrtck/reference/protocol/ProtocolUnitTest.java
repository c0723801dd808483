package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.END;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.INCLUSIVE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RANGE_PATH;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RETURN_ROW;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ROW_VERSION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.START;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TTL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.UPDATE_TTL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.KeyRange;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.PutOption;
import io.mrtck.reference.nson.NsonFields;
import io.mrtck.reference.schema.TimeToLive;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.MapValue;

/** Request parsing and small helpers, without a server. */
class ProtocolUnitTest {

    @Test
    void putFieldsMapToPutOp() {
        MapValue row = new MapValue(true, 2).put("id", 1).put("name", "a");
        MapValue p = new MapValue(true, 6);
        p.put(RETURN_ROW, true).put(UPDATE_TTL, true).put(TTL, "3 DAYS")
            .put(ROW_VERSION, new byte[] {1, 2}).put(VALUE, row);
        PutOp op = RowOps.parsePut("T", OpCodes.PUT_IF_VERSION, new NsonFields(p, "payload"));
        assertThat(op.option()).isEqualTo(PutOption.IF_VERSION);
        assertThat(op.matchVersion()).containsExactly(1, 2);
        assertThat(op.ttl()).isEqualTo(new TimeToLive(3, TimeToLive.Unit.DAYS));
        assertThat(op.updateTtl()).isTrue();
        assertThat(op.returnRow()).isTrue();
        assertThat(op.exactMatch()).isFalse();
        assertThat(op.sdkRow()).as("converted by the proxy's rules").isTrue();
        assertThat((Object) op.row()).isSameAs(row);

        PutOp plain = RowOps.parsePut("T", OpCodes.PUT, new NsonFields(p, "payload"));
        assertThat(plain.option()).isEqualTo(PutOption.ALWAYS);
        assertThat(plain.matchVersion()).as("only IF_VERSION carries a match version").isNull();
    }

    @Test
    void badTtlIsIllegalArgument() {
        MapValue p = new MapValue(true, 2).put(TTL, "3 WEEKS").put(VALUE, new MapValue());
        assertThatThrownBy(() -> RowOps.parsePut("T", OpCodes.PUT, new NsonFields(p, "payload")))
            .isInstanceOf(RequestException.class).hasMessageContaining("WEEKS");
    }

    @Test
    void rangeUsesTheSdkFieldNames() {
        MapValue start = new MapValue(true, 2);
        start.put(VALUE, 5).put(INCLUSIVE, true);
        MapValue end = new MapValue(true, 2);
        end.put(VALUE, 9).put(INCLUSIVE, false);
        MapValue rg = new MapValue(true, 3);
        rg.put(RANGE_PATH, "id").put(START, start).put(END, end);
        KeyRange r = RowOps.parseRange(new NsonFields(rg, "range"));
        assertThat(r.fieldPath()).isEqualTo("id");
        assertThat(r.start().getInt()).isEqualTo(5);
        assertThat(r.startInclusive()).isTrue();
        assertThat(r.end().getInt()).isEqualTo(9);
        assertThat(r.endInclusive()).isFalse();
    }

    @Test
    void bindVariablesByName() {
        ArrayValue vars = new ArrayValue();
        vars.add(new MapValue(true, 2).put(NAME, "$id").put(VALUE, 7));
        vars.add(new MapValue(true, 2).put(NAME, "#1").put(VALUE, "x"));
        var b = QueryOps.bindings(vars);
        assertThat(b.keySet()).containsExactly("$id", "#1");
        assertThat(b.get("$id").getInt()).isEqualTo(7);
    }

    @Test
    void preparedBytesRoundTrip() {
        byte[] pq = PreparedCache.toBytes("SELECT * FROM t WHERE s = 'é'");
        assertThat(pq.length).isGreaterThanOrEqualTo(10);
        assertThat(PreparedCache.statementOf(pq)).isEqualTo("SELECT * FROM t WHERE s = 'é'");
        assertThatThrownBy(() -> PreparedCache.statementOf(new byte[] {1, 2, 3}))
            .isInstanceOf(RequestException.class);
        byte[] cut = java.util.Arrays.copyOf(pq, pq.length - 1);
        assertThatThrownBy(() -> PreparedCache.statementOf(cut)).isInstanceOf(RequestException.class);
    }

    @Test
    void tableDdlRecognised() {
        assertThat(SystemOps.isTableDdl("create table if not exists t(id integer, primary key(id))")).isTrue();
        assertThat(SystemOps.isTableDdl("  DROP INDEX i ON t")).isTrue();
        assertThat(SystemOps.isTableDdl("ALTER TABLE t ADD REGIONS CO")).isTrue();
        assertThat(SystemOps.isTableDdl("CREATE FULLTEXT INDEX i ON t(a)")).isTrue();
        assertThat(SystemOps.isTableDdl("CREATE REGION CO")).isFalse();
        assertThat(SystemOps.isTableDdl("SET LOCAL REGION FR")).isFalse();
        assertThat(SystemOps.isTableDdl("show as json namespaces")).isFalse();
        assertThat(SystemOps.isTableDdl("CREATE NAMESPACE ns1")).isFalse();
    }

    @Test
    void absoluteAndOriginFormTargets() {
        assertThat(HttpHandler.pathOf("http://localhost:8080/V2/nosql/data")).isEqualTo("/V2/nosql/data");
        assertThat(HttpHandler.pathOf("/V2/nosql/data?x=1")).isEqualTo("/V2/nosql/data");
        assertThat(HttpHandler.pathOf("http://localhost:8080")).isEqualTo("/");
    }
}
