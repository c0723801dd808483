package io.mrtck.reference.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/** The table JSON (version 2) handed to the SDK, as a real 25.3 store writes it. */
class SchemaJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TableSchema table(List<FieldDef> fields, List<Integer> regions, List<IndexDef> indexes) {
        return new TableSchema("Users", null, fields, List.of("uid"), 1, new TimeToLive(5, TimeToLive.Unit.DAYS),
            regions, indexes, 1, "", "17", null, null, null, null);
    }

    @Test
    void multiRegionTableWithCountersTtlAndIndex() {
        TableSchema t = table(List.of(
            new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("person", FieldType.json(Map.of("visits", TypeCode.INTEGER)), false, null, false),
            new FieldDef("cnt", FieldType.of(TypeCode.INTEGER), false, new IntegerValue(0), true),
            new FieldDef("ts", FieldType.timestamp(3), true, null, false),
            new FieldDef("tags", FieldType.arrayOf(FieldType.of(TypeCode.STRING)), true, null, false)),
            List.of(2, 1), List.of(new IndexDef("idx", List.of(new IndexDef.Field("person.location", "STRING")))));
        assertThat(SchemaJson.render(t)).isEqualTo("{\"json_version\" : 2, \"type\" : \"table\", \"name\" : \"Users\","
            + " \"id\" : \"17\", \"regions\" : {\"2\" : null, \"1\" : null}, \"ttl\" : \"5 DAYS\", \"shardKey\" : [\"uid\"],"
            + " \"primaryKey\" : [\"uid\"], \"fields\" : ["
            + "{\"name\" : \"uid\", \"type\" : \"INTEGER\", \"nullable\" : false}, "
            + "{\"name\" : \"person\", \"type\" : \"JSON\", \"mrcounters\" : {\"visits\" : \"INTEGER\"}, \"nullable\" : false}, "
            + "{\"name\" : \"cnt\", \"type\" : \"INTEGER\", \"nullable\" : false, \"default\" : 0, \"mrcounter\" : true}, "
            + "{\"name\" : \"ts\", \"type\" : \"TIMESTAMP\", \"precision\" : 3, \"nullable\" : true}, "
            + "{\"name\" : \"tags\", \"type\" : \"ARRAY\", \"collection\" : {\"type\" : \"STRING\"}, \"nullable\" : true}], "
            + "\"indexes\" : [{\"name\" : \"idx\", \"type\" : \"secondary\", \"fields\" : [{\"path\" : \"person.location\","
            + " \"type\" : \"STRING\"}], \"withNoNulls\" : false, \"withUniqueKeysPerRow\" : false}]}");
    }

    @Test
    void describeNamesTheRegionsGetTableGivesTheirIds() throws Exception {
        TableSchema t = table(List.of(new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false)),
            List.of(1, 2), List.of());
        JsonNode described = JSON.readTree(SchemaJson.write(SchemaJson.toNode(t, List.of("kid"), Map.of(1, "FR", 2, "CO"))));
        assertThat(described.get("regions").toString()).isEqualTo("{\"1\":\"FR\",\"2\":\"CO\"}");
        assertThat(described.get("children").toString()).isEqualTo("[\"kid\"]");
        assertThat(JSON.readTree(SchemaJson.render(t)).get("regions").toString()).isEqualTo("{\"1\":null,\"2\":null}");
    }

    @Test
    void typesWriteTheirSizeSymbolsPrecisionAndUuidMarks() throws Exception {
        TableSchema t = table(List.of(
            new FieldDef("uid", FieldType.uuid(true), false, null, false),
            new FieldDef("fb", FieldType.fixedBinary(4), true, null, false),
            new FieldDef("e", FieldType.enumOf(List.of("red", "green")), true, new StringValue("green"), false),
            new FieldDef("u", FieldType.uuid(false), true, null, false)), List.of(), List.of());
        JsonNode fields = JSON.readTree(SchemaJson.render(t)).get("fields");
        assertThat(fields.get(0).toString())
            .isEqualTo("{\"name\":\"uid\",\"type\":\"STRING\",\"as uuid\":true,\"generated\":true,\"nullable\":false}");
        assertThat(fields.get(1).toString()).isEqualTo("{\"name\":\"fb\",\"type\":\"FIXED_BINARY\",\"size\":4,\"nullable\":true}");
        assertThat(fields.get(2).toString())
            .isEqualTo("{\"name\":\"e\",\"type\":\"ENUM\",\"symbols\":[\"red\",\"green\"],\"nullable\":true,\"default\":\"green\"}");
        assertThat(fields.get(3).has("generated")).isFalse();
    }

    @Test
    void defaultsAreWrittenAsTheRealEngineWritesThem() {
        TableSchema t = table(List.of(
            new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("n", FieldType.of(TypeCode.NUMBER), true, new NumberValue(new BigDecimal("10")), false),
            new FieldDef("f", FieldType.of(TypeCode.FLOAT), true, new DoubleValue((double) 0.1f), false),
            new FieldDef("b", FieldType.of(TypeCode.BOOLEAN), true, BooleanValue.trueInstance(), false),
            new FieldDef("ts", FieldType.timestamp(3), true,
                new TimestampValue(Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"))), false)), List.of(), List.of());
        String json = SchemaJson.render(t);
        assertThat(json).contains("\"default\" : 1E+1").contains("\"default\" : 0.1}").contains("\"default\" : true")
            .contains("\"default\" : \"2020-01-01T00:00:00.000Z\"");
    }

    @Test
    void keySizesAndTheIdentityColumn() throws Exception {
        IdentityDef identity = new IdentityDef("uid", true, false, BigDecimal.TEN, BigDecimal.valueOf(5),
            BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE), 1000, false);
        TableSchema t = new TableSchema("T", null, List.of(
            new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false)), List.of("uid"), 1, null,
            List.of(), List.of(), 1, "", "3", List.of(3), identity, null, null);
        JsonNode o = JSON.readTree(SchemaJson.render(t));
        assertThat(o.get("primaryKeySizes").toString()).isEqualTo("[3]");
        assertThat(o.get("identity").toString()).isEqualTo("{\"name\":\"uid\",\"always\":true,\"null\":false,"
            + "\"sequence\":{\"start\":10,\"increment\":5,\"min\":-2147483648,\"max\":2147483647,\"cache\":1000,"
            + "\"cycle\":false}}");
    }

    @Test
    void plainTableHasNoRegionsNorTtl() {
        TableSchema t = new TableSchema("T", null, List.of(
            new FieldDef("id", FieldType.of(TypeCode.LONG), false, null, false)),
            List.of("id"), 1, null, List.of(), List.of(), 1, "");
        assertThat(SchemaJson.render(t)).isEqualTo("{\"json_version\" : 2, \"type\" : \"table\", \"name\" : \"T\","
            + " \"shardKey\" : [\"id\"], \"primaryKey\" : [\"id\"], \"fields\" : "
            + "[{\"name\" : \"id\", \"type\" : \"LONG\", \"nullable\" : false}]}");
    }
}
