package io.mrtck.reference.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.SchemaJson;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.TypeCode;
import oracle.nosql.driver.values.IntegerValue;

/** The table JSON handed to the SDK: the real engine's field order, optional parts left out. */
class SchemaJsonTest {

    @Test
    void multiRegionTableWithCountersTtlAndIndex() throws Exception {
        TableSchema t = new TableSchema("Users", null, List.of(
            new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("person", FieldType.json(Map.of("visits", TypeCode.INTEGER)), true, null, false),
            new FieldDef("cnt", FieldType.of(TypeCode.INTEGER), false, new IntegerValue(0), true),
            new FieldDef("ts", FieldType.timestamp(3), true, null, false),
            new FieldDef("tags", FieldType.arrayOf(FieldType.of(TypeCode.STRING)), true, null, false)),
            List.of("uid"), 1, new TimeToLive(5, TimeToLive.Unit.DAYS), List.of(2, 1),
            List.of(new IndexDef("idx", List.of(new IndexDef.Field("person.location", "STRING")))), 1, "");
        String json = SchemaJson.render(t);
        assertThat(json).isEqualTo("{\"json_version\" : 1, \"type\" : \"table\", \"name\" : \"Users\","
            + " \"regions\" : {\"2\" : null, \"1\" : null}, \"ttl\" : \"5 DAYS\", \"shardKey\" : [\"uid\"],"
            + " \"primaryKey\" : [\"uid\"], \"fields\" : ["
            + "{\"name\" : \"uid\", \"type\" : \"INTEGER\", \"nullable\" : false}, "
            + "{\"name\" : \"person\", \"type\" : \"JSON\", \"mrcounters\" : {\"visits\" : \"INTEGER\"}, \"nullable\" : true}, "
            + "{\"name\" : \"cnt\", \"type\" : \"INTEGER\", \"nullable\" : false, \"default\" : 0, \"mrcounter\" : true}, "
            + "{\"name\" : \"ts\", \"type\" : \"TIMESTAMP\", \"timestampPrecision\" : 3, \"nullable\" : true}, "
            + "{\"name\" : \"tags\", \"type\" : \"ARRAY\", \"collection\" : {\"type\" : \"STRING\"}, \"nullable\" : true}], "
            + "\"indexes\" : [{\"name\" : \"idx\", \"table\" : \"Users\", \"type\" : \"secondary\","
            + " \"fields\" : [\"person.location\"], \"types\" : [\"STRING\"]}]}");
        assertThat(new ObjectMapper().readTree(json).get("fields").size()).isEqualTo(5);
    }

    @Test
    void plainTableHasNoRegionsNorTtl() {
        TableSchema t = new TableSchema("T", null, List.of(
            new FieldDef("id", FieldType.of(TypeCode.LONG), false, null, false)),
            List.of("id"), 1, null, List.of(), List.of(), 1, "");
        assertThat(SchemaJson.render(t)).isEqualTo("{\"json_version\" : 1, \"type\" : \"table\", \"name\" : \"T\","
            + " \"shardKey\" : [\"id\"], \"primaryKey\" : [\"id\"], \"fields\" : "
            + "[{\"name\" : \"id\", \"type\" : \"LONG\", \"nullable\" : false}]}");
    }
}
