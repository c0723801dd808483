package io.mrtck.reference.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * The conversion of every kind of client value into every column type, with the real proxy's
 * messages. An input is written {@code kind:text} (int, long, double, number, string, bool,
 * bin = base64, ts, json = a JSON document, null, jnull); an outcome is {@code TYPE:json} of
 * the converted value, or {@code !message} of the refusal.
 */
class ValueCoercionTest {

    @ParameterizedTest(name = "{1} into {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // INTEGER: numbers that fit, integral doubles, strings that parse
        "INTEGER | int:7                 | INTEGER:7",
        "INTEGER | long:5                | INTEGER:5",
        "INTEGER | long:1099511627776    | !Int overflow: 1099511627776",
        "INTEGER | double:2.0            | INTEGER:2",
        "INTEGER | double:2.5            | !Converting double to int loses information: 2.5",
        "INTEGER | double:1e10           | !Converting double to int loses information: 1.0E10",
        "INTEGER | number:42             | INTEGER:42",
        "INTEGER | number:2.5            | !Int overflow: 2.5",
        "INTEGER | number:2147483648     | !Int overflow: 2147483648",
        "INTEGER | string:7              | INTEGER:7",
        "INTEGER | string:notanint       | !Invalid string for Integer: notanint",
        "INTEGER | string:7.0            | !Invalid string for Integer: 7.0",
        "INTEGER | bool:true             | !Invalid driver type for Integer: BOOLEAN",
        "INTEGER | ts:2021-02-03T04:05:06Z | !Invalid driver type for Integer: TIMESTAMP",
        "INTEGER | json:[1]              | !Invalid driver type for Integer: ARRAY",
        // LONG
        "LONG    | int:5                 | LONG:5",
        "LONG    | double:3.0            | LONG:3",
        "LONG    | double:3.5            | !Converting double to long loses information: 3.5",
        "LONG    | number:9223372036854775808 | !Long overflow: 9223372036854775808",
        "LONG    | number:1e30           | !Long overflow: 1E+30",
        "LONG    | string:-12            | LONG:-12",
        "LONG    | string:x              | !Invalid string for Long: x",
        "LONG    | bin:AQID              | !Invalid driver type for Long: BINARY",
        // FLOAT: kept as a 32-bit float, read back widened
        "FLOAT   | double:1.5            | DOUBLE:1.5",
        "FLOAT   | double:0.1            | DOUBLE:0.10000000149011612",
        "FLOAT   | double:1e39           | !Converting double to float loses information: 1.0E39",
        "FLOAT   | double:1e-50          | !Converting double to float loses information: 1.0E-50",
        "FLOAT   | double:-0.0           | DOUBLE:-0.0",
        "FLOAT   | int:7                 | DOUBLE:7.0",
        "FLOAT   | int:16777217          | !Converting long to float loses information: 16777217",
        "FLOAT   | long:123456789        | !Converting long to float loses information: 123456789",
        "FLOAT   | number:2.25           | DOUBLE:2.25",
        "FLOAT   | number:0.1000000000000000000001 | !Converting decimal to double loses information: 0.1000000000000000000001",
        "FLOAT   | string:1.5            | DOUBLE:1.5",
        "FLOAT   | string:               | \"!Invalid string for Float: \"",
        "FLOAT   | string:abc            | !Invalid string for Float: abc",
        // DOUBLE
        "DOUBLE  | int:7                 | DOUBLE:7.0",
        "DOUBLE  | long:9223372036854775807 | DOUBLE:9.223372036854776E18",
        "DOUBLE  | long:9007199254740993 | !Converting long to double loses information: 9007199254740993",
        "DOUBLE  | number:0.1            | DOUBLE:0.1",
        "DOUBLE  | number:1e400          | DOUBLE:Infinity",
        "DOUBLE  | string:1.5            | DOUBLE:1.5",
        "DOUBLE  | string:one            | !Invalid string for Double: one",
        "DOUBLE  | bool:true             | !Invalid driver type for Double: BOOLEAN",
        // NUMBER: a double keeps its shortest decimal form
        "NUMBER  | double:0.1            | NUMBER:0.1",
        "NUMBER  | int:3                 | NUMBER:3",
        "NUMBER  | long:9223372036854775807 | NUMBER:9223372036854775807",
        "NUMBER  | number:-1e-30         | NUMBER:-1E-30",
        "NUMBER  | string:3              | NUMBER:3",
        "NUMBER  | string:1e2            | NUMBER:1E+2",
        "NUMBER  | string:three          | !Invalid string for Decimal: three",
        "NUMBER  | bool:false            | !Invalid driver type for Number: BOOLEAN",
        // STRING takes only strings
        "STRING  | string:abc            | STRING:\"abc\"",
        "STRING  | int:3                 | !Type mismatch on input. Expected STRING, got INTEGER",
        "STRING  | bool:true             | !Type mismatch on input. Expected STRING, got BOOLEAN",
        "STRING  | ts:2021-02-03T04:05:06Z | !Type mismatch on input. Expected STRING, got TIMESTAMP",
        // BOOLEAN: any string, true only for \"true\" in any case
        "BOOLEAN | bool:true             | BOOLEAN:true",
        "BOOLEAN | string:TRUE           | BOOLEAN:true",
        "BOOLEAN | string:yes            | BOOLEAN:false",
        "BOOLEAN | int:1                 | !Invalid driver type for Boolean: INTEGER",
        // BINARY: bytes or padded base64
        "BINARY  | bin:AQID              | BINARY:\"AQID\"",
        "BINARY  | string:AQID           | BINARY:\"AQID\"",
        "BINARY  | string:AQI            | !Invalid string for binary value: AQI is not padded base64 string",
        "BINARY  | int:5                 | !Invalid driver type for Binary: INTEGER",
        // TIMESTAMP(3): strings, milliseconds; rounded to the precision
        "TIMESTAMP | string:2020-05-06T07:08:09.123456Z | TIMESTAMP:\"2020-05-06T07:08:09.123Z\"",
        "TIMESTAMP | string:2020-05-06   | TIMESTAMP:\"2020-05-06T00:00:00Z\"",
        "TIMESTAMP | long:1588748889123  | TIMESTAMP:\"2020-05-06T07:08:09.123Z\"",
        "TIMESTAMP | string:yesterday    | !Failed to parse the timestamp string 'yesterday' with the pattern: uuuu-MM-dd['T'HH:mm:ss]: invalid character 'y' while parsing component year",
        "TIMESTAMP | double:1.5          | !Invalid driver type for Timestamp: DOUBLE",
        // JSON takes anything; a timestamp or binary becomes its string
        "JSON    | json:{\"a\":[1,2.5,null]} | MAP:{\"a\":[1,2.5,null]}",
        "JSON    | ts:2021-02-03T04:05:06Z | STRING:\"2021-02-03T04:05:06Z\"",
        "JSON    | bin:AQID              | STRING:\"AQID\"",
        "JSON    | jnull                 | JSON_NULL:null",
        "JSON    | number:1.10           | NUMBER:1.10",
        // collections
        "ARRAY   | json:[1,2]            | ARRAY:[1,2]",
        "ARRAY   | json:[\"x\"]          | !Invalid string for Integer: x",
        "ARRAY   | int:1                 | !Type mismatch on input. Expected ARRAY, got INTEGER",
        "MAP     | json:{\"a\":\"x\"}    | MAP:{\"a\":\"x\"}",
        "MAP     | json:{\"a\":1}        | !Type mismatch on input. Expected STRING, got INTEGER",
        "MAP     | json:[\"x\"]          | !Type mismatch on input. Expected MAP, got ARRAY",
        "RECORD  | json:{\"A\":1,\"c\":3} | MAP:{\"a\":1,\"b\":null}",
        "RECORD  | json:[1,\"x\",9]      | MAP:{\"a\":1,\"b\":\"x\"}",
        "RECORD  | json:{\"a\":\"s\"}    | !Invalid string for Integer: s",
        "RECORD  | string:x              | !Type mismatch on input. Expected MAP or ARRAY, but got STRING",
        // SQL NULL stays NULL at the top; a JSON null is NULL outside JSON
        "INTEGER | null                  | NULL:null",
        "STRING  | jnull                 | NULL:null",
    })
    void aClientValueIsConvertedOrRefusedInTheRealWords(String column, String input, String outcome) {
        FieldType type = type(column);
        FieldValue value = value(input);
        if (outcome.startsWith("!")) {
            assertThatThrownBy(() -> ValueCoercion.coerce(type, value))
                .isInstanceOfSatisfying(RequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
                    assertThat(e.byProxy()).as("the store's refusal").isFalse();
                })
                .hasMessage(outcome.substring(1));
        } else {
            assertThat(shown(ValueCoercion.coerce(type, value))).isEqualTo(outcome);
        }
    }

    @Test
    void fixedBinaryTakesOnlyItsSize() {
        FieldType four = FieldType.fixedBinary(4);
        assertThat(ValueCoercion.coerce(four, new StringValue("AQIDBA==")).getBinary()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> ValueCoercion.coerce(four, new BinaryValue(new byte[] {1, 2, 3})))
            .hasMessage("Invalid length for FixedBinary array, it must be 4, and it is 3");
        assertThatThrownBy(() -> ValueCoercion.coerce(four, new BinaryValue(new byte[0])))
            .hasMessage("Invalid length for FixedBinary array, it must be 4, and it is 0");
    }

    @Test
    void enumTakesOneOfItsSymbolsAsAStringCaseSensitive() {
        FieldType ab = FieldType.enumOf(List.of("a", "b"));
        assertThat(ValueCoercion.coerce(ab, new StringValue("b"))).isEqualTo(new StringValue("b"));
        assertThatThrownBy(() -> ValueCoercion.coerce(ab, new StringValue("A")))
            .hasMessage("Invalid enumeration value 'A', must be in values: [a, b]");
        assertThatThrownBy(() -> ValueCoercion.coerce(ab, new IntegerValue(0)))
            .hasMessage("Type mismatch on input. Expected STRING, got INTEGER");
    }

    @Test
    void conversionsReachIntoNestedValues() {
        FieldType nested = FieldType.mapOf(FieldType.arrayOf(FieldType.of(TypeCode.LONG)));
        MapValue in = new MapValue(true, 1).put("k", new ArrayValue().add(1).add("2"));
        assertThat(ValueCoercion.coerce(nested, in).toJson()).isEqualTo("{\"k\":[1,2]}");
        assertThat(ValueCoercion.coerce(nested, in).asMap().get("k").asArray().get(1)).isEqualTo(new LongValue(2));
        assertThatThrownBy(() -> ValueCoercion.coerce(nested, new MapValue().put("k", new ArrayValue().add(2.5))))
            .hasMessage("Converting double to long loses information: 2.5");
    }

    @Test
    void aNullInsideATypedArrayOrMapIsUnexpectedButAJsonElementBecomesJsonNull() {
        ArrayValue withNull = new ArrayValue().add(1).add(NullValue.getInstance());
        assertThatThrownBy(() -> ValueCoercion.coerce(FieldType.arrayOf(FieldType.of(TypeCode.INTEGER)), withNull))
            .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ERROR))
            .hasMessageStartingWith("java.lang.IllegalStateException: Unexpected value: "
                + "oracle.nosql.proxy.ValueSerializer$FieldValueSerializerImpl@");
        FieldValue json = ValueCoercion.coerce(FieldType.arrayOf(FieldType.json(null)), withNull);
        assertThat(json.asArray().get(1)).isEqualTo(JsonNullValue.getInstance());
    }

    @Test
    void aRecordFieldDefaultsWhenAbsentAndExactMatchRefusesUnknownNames() {
        FieldType rec = FieldType.record(List.of(
            new FieldDef("a", FieldType.of(TypeCode.INTEGER), true, new IntegerValue(3), false),
            new FieldDef("b", FieldType.of(TypeCode.STRING), true, null, false)));
        assertThat(ValueCoercion.coerce(rec, new MapValue().put("b", "x")).toJson()).isEqualTo("{\"a\":3,\"b\":\"x\"}");
        TableSchema t = table(new FieldDef("r", rec, true, null, false));
        MapValue row = new MapValue(true, 2).put("id", 1).put("r", new MapValue().put("a", 1).put("q", 2));
        assertThat(ValueCoercion.putRow(t, row, false).get("r").toJson()).isEqualTo("{\"a\":1,\"b\":null}");
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, true)).hasMessage("There is no field with name q");
        MapValue short1 = new MapValue(true, 2).put("id", 1).put("r", new ArrayValue().add(1));
        assertThatThrownBy(() -> ValueCoercion.putRow(t, short1, true))
            .hasMessage("Invalid Array value for Record Value, it has 1 element but the Record Value contains 2 fields");
    }

    @Test
    void aPutChecksUnknownNamesThenTheKeyInKeyOrderThenTheColumnsInOrder() {
        TableSchema t = new TableSchema("T", null, List.of(
            new FieldDef("a", FieldType.of(TypeCode.INTEGER), true, null, false),
            new FieldDef("k2", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("k1", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("b", FieldType.of(TypeCode.INTEGER), true, null, false)),
            List.of("k1", "k2"), 1, null, List.of(), List.of(), 1, "");
        MapValue row = new MapValue(true, 5).put("b", "x").put("a", "y").put("k2", "z").put("zz", 1);
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, true)).hasMessage("There is no field with name zz");
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, false)).hasMessage("Missing primary key field: k1");
        row.put("k1", 1);
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, false)).hasMessage("Invalid string for Integer: z");
        row.put("k2", 2);
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, false)).hasMessage("Invalid string for Integer: y");
        row.put("k1", NullValue.getInstance());
        assertThatThrownBy(() -> ValueCoercion.putRow(t, row, false)).hasMessage("Missing primary key field: k1");
    }

    @Test
    void aPutFillsDefaultsKeepsExplicitNullsAndStoresJsonNullInAJsonColumn() {
        TableSchema t = table(
            new FieldDef("i", FieldType.of(TypeCode.INTEGER), true, new IntegerValue(5), false),
            new FieldDef("s", FieldType.of(TypeCode.STRING), true, new StringValue("x"), false),
            new FieldDef("j", FieldType.json(null), true, null, false));
        MapValue row = ValueCoercion.putRow(t, new MapValue(true, 3).put("id", 1).put("s", NullValue.getInstance())
            .put("j", NullValue.getInstance()), false);
        assertThat(row.get("i")).isEqualTo(new IntegerValue(5));
        assertThat(row.get("s").isNull()).isTrue();
        assertThat(row.get("j").isJsonNull()).isTrue();
        assertThat(row.getMap().keySet()).containsExactly("id", "i", "s", "j");
    }

    @Test
    void anExplicitNullForANotNullColumnIsAnExceptionTheStoreDoesNotExpectOnAPutAndRefusedInAStatement() {
        TableSchema t = table(new FieldDef("v", FieldType.of(TypeCode.INTEGER), false, new IntegerValue(7), false));
        MapValue nullV = new MapValue(true, 2).put("id", 1).put("v", NullValue.getInstance());
        assertThatThrownBy(() -> ValueCoercion.putRow(t, nullV, false))
            .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ERROR))
            .hasMessage("oracle.kv.impl.admin.IllegalCommandException: The field can not be null: v");
        assertThat(ValueCoercion.putRow(t, new MapValue().put("id", 1), false).get("v")).isEqualTo(new IntegerValue(7));
        assertThatThrownBy(() -> ValueCoercion.row(t, nullV, false))
            .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT))
            .hasMessage("Field \"v\" is not nullable");
        assertThatThrownBy(() -> ValueCoercion.row(t, new MapValue().put("id", NullValue.getInstance()), false))
            .as("a statement's NULL key").hasMessage("Field \"id\" is not nullable");
    }

    @Test
    void aPartialKeyStopsAtTheFirstMissingFieldAndMayNotSkipOne() {
        TableSchema t = new TableSchema("T", null, List.of(
            new FieldDef("a", FieldType.of(TypeCode.INTEGER), false, null, false),
            new FieldDef("b", FieldType.of(TypeCode.STRING), false, null, false)),
            List.of("a", "b"), 1, null, List.of(), List.of(), 1, "");
        assertThat(ValueCoercion.primaryKey(t, new MapValue().put("a", "1"), true)).containsExactly(new IntegerValue(1));
        assertThatThrownBy(() -> ValueCoercion.primaryKey(t, new MapValue().put("b", "x"), true))
            .hasMessage("A required field is missing from the Primary Key");
        assertThatThrownBy(() -> ValueCoercion.primaryKey(t, new MapValue().put("a", 1), false))
            .hasMessage("Missing primary key field: b");
    }

    // --- helpers ---------------------------------------------------------------------------

    private static TableSchema table(FieldDef... columns) {
        List<FieldDef> fields = new java.util.ArrayList<>();
        fields.add(new FieldDef("id", FieldType.of(TypeCode.INTEGER), false, null, false));
        fields.addAll(List.of(columns));
        return new TableSchema("T", null, fields, List.of("id"), 1, null, List.of(), List.of(), 1, "");
    }

    private static FieldType type(String column) {
        return switch (column) {
            case "TIMESTAMP" -> FieldType.timestamp(3);
            case "ARRAY" -> FieldType.arrayOf(FieldType.of(TypeCode.INTEGER));
            case "MAP" -> FieldType.mapOf(FieldType.of(TypeCode.STRING));
            case "RECORD" -> FieldType.record(List.of(
                new FieldDef("a", FieldType.of(TypeCode.INTEGER), true, null, false),
                new FieldDef("b", FieldType.of(TypeCode.STRING), true, null, false)));
            case "JSON" -> FieldType.json(Map.of());
            default -> FieldType.of(TypeCode.valueOf(column));
        };
    }

    private static FieldValue value(String input) {
        int colon = input.indexOf(':');
        String kind = colon < 0 ? input : input.substring(0, colon);
        String text = colon < 0 ? "" : input.substring(colon + 1);
        return switch (kind) {
            case "int" -> new IntegerValue(Integer.parseInt(text));
            case "long" -> new LongValue(Long.parseLong(text));
            case "double" -> new DoubleValue(Double.parseDouble(text));
            case "number" -> new NumberValue(new BigDecimal(text));
            case "string" -> new StringValue(text);
            case "bool" -> BooleanValue.getInstance(Boolean.parseBoolean(text));
            case "bin" -> new BinaryValue(java.util.Base64.getDecoder().decode(text));
            case "ts" -> new TimestampValue(text);
            case "json" -> FieldValue.createFromJson(text, null);
            case "null" -> NullValue.getInstance();
            case "jnull" -> JsonNullValue.getInstance();
            default -> throw new IllegalArgumentException(input);
        };
    }

    private static String shown(FieldValue v) {
        if (v.isNull()) {
            return "NULL:null";
        }
        return v.getType() + ":" + switch (v.getType()) {
            case DOUBLE -> Double.toString(v.getDouble());
            case NUMBER -> v.getNumber().toString();
            default -> v.toJson();
        };
    }
}
