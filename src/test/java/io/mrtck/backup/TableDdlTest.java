package io.mrtck.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableDdlTest {

    @Test
    void countersAreRecreatedAsCountersWithoutNotNull() {
        // KVSTORE-1857: the Migrator's DDL marked counters NOT NULL and left out JSON counters
        TableDefinition t = TableDefinition.parse("{\"name\":\"c\",\"regions\":{\"1\":null,\"2\":null},\"ttl\":\"5 DAYS\","
            + "\"shardKey\":[\"a\"],\"primaryKey\":[\"a\",\"b\"],\"fields\":["
            + "{\"name\":\"a\",\"type\":\"INTEGER\",\"nullable\":false},{\"name\":\"b\",\"type\":\"STRING\",\"nullable\":false},"
            + "{\"name\":\"cnt\",\"type\":\"INTEGER\",\"nullable\":false,\"default\":0,\"mrcounter\":true},"
            + "{\"name\":\"doc\",\"type\":\"JSON\",\"mrcounters\":{\"hits\":\"LONG\",\"a.b\":\"NUMBER\"},\"nullable\":false}]}");
        assertThat(TableDdl.statements(t, List.of("FR", "CO"), 0)).containsExactly("CREATE TABLE IF NOT EXISTS c (a INTEGER, "
            + "b STRING, cnt INTEGER AS MR_COUNTER, doc JSON(hits AS LONG MR_COUNTER, a.b AS NUMBER MR_COUNTER), "
            + "PRIMARY KEY(SHARD(a), b)) USING TTL 5 DAYS IN REGIONS FR, CO");
    }

    @Test
    void everyTypeDefaultsAndNotNullAreWritten() {
        TableDefinition t = TableDefinition.parse("{\"name\":\"t\",\"shardKey\":[\"id\"],\"primaryKey\":[\"id\"],\"fields\":["
            + "{\"name\":\"id\",\"type\":\"INTEGER\",\"nullable\":false},"
            + "{\"name\":\"fb\",\"type\":\"FIXED_BINARY\",\"size\":8,\"nullable\":true},"
            + "{\"name\":\"ts\",\"type\":\"TIMESTAMP\",\"precision\":9,\"nullable\":true,\"default\":\"2020-01-01T00:00:00Z\"},"
            + "{\"name\":\"e\",\"type\":\"ENUM\",\"symbols\":[\"red\",\"green\"],\"nullable\":true,\"default\":\"green\"},"
            + "{\"name\":\"s\",\"type\":\"STRING\",\"nullable\":false,\"default\":\"it's\"},"
            + "{\"name\":\"m\",\"type\":\"MAP\",\"collection\":{\"type\":\"ARRAY\",\"collection\":{\"type\":\"DOUBLE\"}},\"nullable\":true},"
            + "{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[{\"name\":\"p\",\"type\":\"INTEGER\",\"nullable\":true}],\"nullable\":true}],"
            + "\"indexes\":[{\"name\":\"byS\",\"fields\":[{\"path\":\"s\"}]}]}");
        assertThat(TableDdl.statements(t, List.of(), 0)).containsExactly(
            "CREATE TABLE IF NOT EXISTS t (id INTEGER, fb BINARY(8), ts TIMESTAMP(9) DEFAULT '2020-01-01T00:00:00Z', "
                + "e ENUM(red, green) DEFAULT green, s STRING DEFAULT 'it\\'s' NOT NULL, m MAP(ARRAY(DOUBLE)), "
                + "r RECORD(p INTEGER), PRIMARY KEY(id))",
            "CREATE INDEX IF NOT EXISTS byS ON t(s)");
    }

    @Test
    void aChildTableLeavesOutTheKeyItInherits() {
        TableDefinition kid = TableDefinition.parse("{\"name\":\"K\",\"parent\":\"P\",\"regions\":{\"1\":null},"
            + "\"shardKey\":[\"a\"],\"primaryKey\":[\"a\",\"b\",\"k\"],\"fields\":[{\"name\":\"a\",\"type\":\"INTEGER\","
            + "\"nullable\":false},{\"name\":\"b\",\"type\":\"INTEGER\",\"nullable\":false},{\"name\":\"k\",\"type\":\"STRING\","
            + "\"nullable\":false},{\"name\":\"w\",\"type\":\"INTEGER\",\"nullable\":true}]}");
        assertThat(kid.name()).isEqualTo("P.K");
        assertThat(TableDdl.statements(kid, List.of("FR", "CO"), 2))
            .containsExactly("CREATE TABLE IF NOT EXISTS P.K (k STRING, w INTEGER, PRIMARY KEY(k))");
    }

    @Test
    void anIdentityColumnIsRefusedByName() {
        TableDefinition t = TableDefinition.parse("{\"name\":\"t\",\"shardKey\":[\"id\"],\"primaryKey\":[\"id\"],"
            + "\"fields\":[{\"name\":\"id\",\"type\":\"LONG\",\"nullable\":false}],\"identity\":{\"name\":\"id\"}}");
        assertThatThrownBy(() -> TableDdl.statements(t, List.of(), 0)).isInstanceOf(BackupException.class)
            .hasMessageContaining("IDENTITY");
    }
}
