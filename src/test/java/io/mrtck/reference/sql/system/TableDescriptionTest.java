package io.mrtck.reference.sql.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;

/** DESCRIBE TABLE's text, as a real 25.3 store printed it (column widths follow the contents). */
class TableDescriptionTest {

    @Test
    void informationThenFields() {
        TableSchema t = new TableSchema("dt_abcdefgh", null, List.of(
            new FieldDef("id", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("v", FieldType.of(TypeCode.STRING), true, null, false)),
            List.of("id"), 1, null, List.of(), List.of(), 1, "");
        String border = " +-------------+-----+----------------+-------+----------------+----------+--------+----------"
            + "+---------+---------+-------------+\n";
        String fields = " +----+------+---------+----------+---------+----------+------------+----------+\n";
        assertThat(new TableDescription(t, List.of(), Map.of()).text()).isEqualTo(" === Information ===\n"
            + border
            + " |    name     | ttl | beforeImageTTL | owner | jsonCollection | sysTable | parent | children | regions "
            + "| indexes | description |\n"
            + border
            + " | dt_abcdefgh |     |                |       | N              | N        |        |          |         "
            + "|         |             |\n"
            + border
            + "\n === Fields ===\n"
            + fields
            + " | id | name |  type   | nullable | default | shardKey | primaryKey | identity |\n"
            + fields
            + " |  1 | id   | Integer | N        | NULL    | Y        | Y          |          |\n"
            + fields
            + " |  2 | v    | String  | Y        | NULL    |          |            |          |\n"
            + fields);
    }

    @Test
    void typesInDdlSpelling() {
        assertThat(TableDescription.ddlType(FieldType.mapOf(FieldType.arrayOf(FieldType.timestamp(3)))))
            .isEqualTo("Map(Array(Timestamp(3)))");
        assertThat(TableDescription.ddlType(FieldType.fixedBinary(8))).isEqualTo("Binary(8)");
        assertThat(TableDescription.ddlType(FieldType.enumOf(List.of("a", "b")))).isEqualTo("Enum(a, b)");
    }
}
