package io.mrtck.backup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static final String FIELDS = "\"fields\":[{\"name\":\"a\",\"type\":\"INTEGER\",\"nullable\":false},"
        + "{\"name\":\"b\",\"type\":\"INTEGER\",\"nullable\":false},{\"name\":\"v\",\"type\":\"STRING\",\"nullable\":true}]";

    private static TableDefinition table(String name, String shard) {
        return TableDefinition.parse("{\"name\":\"" + name + "\",\"shardKey\":" + shard + ",\"primaryKey\":[\"a\",\"b\"],"
            + FIELDS + "}");
    }

    @Test
    void anotherShardKeyIsRefusedNamingBoth() {
        assertThatThrownBy(() -> SchemaCheck.requireSameSchema(table("t", "[\"a\"]"), table("t2", "[\"a\",\"b\"]"), "x"))
            .isInstanceOf(BackupException.class)
            .hasMessageContaining("shard key [a] in the export, [a, b] in the table").hasMessageContaining("#27782")
            .hasMessageContaining("Nothing was written");
    }

    @Test
    void anotherColumnTypeIsRefused() {
        TableDefinition other = TableDefinition.parse("{\"name\":\"t\",\"shardKey\":[\"a\"],\"primaryKey\":[\"a\",\"b\"],"
            + FIELDS.replace("\"STRING\"", "\"LONG\"") + "}");
        assertThatThrownBy(() -> SchemaCheck.requireSameSchema(table("t", "[\"a\"]"), other, "x"))
            .hasMessageContaining("column v is {\"type\":\"STRING\"} in the export, {\"type\":\"LONG\"} in the table");
    }

    @Test
    void theSameSchemaUnderAnotherNameIsAccepted() {
        assertThatCode(() -> SchemaCheck.requireSameSchema(table("t", "[\"a\"]"), table("copy", "[\"a\"]"), "x"))
            .doesNotThrowAnyException();
    }
}
