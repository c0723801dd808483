package io.mrtck.client;

import static org.assertj.core.api.Assertions.assertThat;

import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    /** A table as getTable describes it: a key, a JSON document, a MAP, a RECORD and an ARRAY. */
    private static final ValueShape ROW = ValueShape.ofTableSchema("""
        {"json_version" : 2, "type" : "table", "name" : "t", "fields" : [
          {"name" : "id", "type" : "INTEGER", "nullable" : false},
          {"name" : "doc", "type" : "JSON", "nullable" : true},
          {"name" : "m", "type" : "MAP", "collection" : {"type" : "INTEGER"}, "nullable" : true},
          {"name" : "rec", "type" : "RECORD", "fields" : [
             {"name" : "b", "type" : "STRING", "nullable" : true},
             {"name" : "a", "type" : "INTEGER", "nullable" : true}], "nullable" : true},
          {"name" : "arr", "type" : "ARRAY", "collection" : {"type" : "JSON"}, "nullable" : true}]}
        """);

    private static FieldValue json(String text) {
        return FieldValue.createFromJson(text, null);
    }

    private static MapValue row(String doc, MapValue m, MapValue rec, String arr) {
        return new MapValue().put("id", 1).put("doc", json(doc)).put("m", m).put("rec", rec).put("arr", json(arr));
    }

    private static String canonical(MapValue row) {
        return CanonicalJson.of(row, ROW);
    }

    private final MapValue written = row("{\"firstName\":\"jack\",\"lastName\":\"ma\",\"a\":{\"z\":1,\"y\":[{\"q\":1,\"p\":2}]}}",
        new MapValue().put("x", 1).put("y", 2), new MapValue().put("b", "s").put("a", 3), "[{\"k\":1,\"j\":2}, 5]");

    @Test
    void aDocumentWithItsMembersReorderedAtEveryDepthIsEqual() {
        MapValue sorted = row("{\"a\":{\"y\":[{\"p\":2,\"q\":1}],\"z\":1},\"firstName\":\"jack\",\"lastName\":\"ma\"}",
            new MapValue().put("y", 2).put("x", 1), new MapValue().put("a", 3).put("b", "s"), "[{\"j\":2,\"k\":1}, 5]");
        assertThat(canonical(sorted)).isEqualTo(canonical(written));
    }

    @Test
    void recordFieldsComeInSchemaOrderAndJsonMembersSorted() {
        assertThat(canonical(written)).isEqualTo("{\"id\":1,"
            + "\"doc\":{\"a\":{\"y\":[{\"p\":2,\"q\":1}],\"z\":1},\"firstName\":\"jack\",\"lastName\":\"ma\"},"
            + "\"m\":{\"x\":1,\"y\":2},\"rec\":{\"b\":\"s\",\"a\":3},\"arr\":[{\"j\":2,\"k\":1},5]}");
    }

    @Test
    void aChangedValueIsNotEqual() {
        MapValue changed = row("{\"firstName\":\"jim\",\"lastName\":\"ma\",\"a\":{\"z\":1,\"y\":[{\"q\":1,\"p\":2}]}}",
            new MapValue().put("x", 1).put("y", 2), new MapValue().put("b", "s").put("a", 3), "[{\"k\":1,\"j\":2}, 5]");
        assertThat(canonical(changed)).isNotEqualTo(canonical(written));
    }

    @Test
    void aMissingMemberIsNotEqual() {
        MapValue missing = row("{\"firstName\":\"jack\",\"a\":{\"z\":1,\"y\":[{\"q\":1,\"p\":2}]}}",
            new MapValue().put("x", 1).put("y", 2), new MapValue().put("b", "s").put("a", 3), "[{\"k\":1,\"j\":2}, 5]");
        assertThat(canonical(missing)).isNotEqualTo(canonical(written));
        MapValue missingMapKey = row("{\"firstName\":\"jack\",\"lastName\":\"ma\",\"a\":{\"z\":1,\"y\":[{\"q\":1,\"p\":2}]}}",
            new MapValue().put("x", 1), new MapValue().put("b", "s").put("a", 3), "[{\"k\":1,\"j\":2}, 5]");
        assertThat(canonical(missingMapKey)).isNotEqualTo(canonical(written));
    }

    @Test
    void aReorderedArrayIsNotEqual() {
        MapValue reordered = row("{\"firstName\":\"jack\",\"lastName\":\"ma\",\"a\":{\"z\":1,\"y\":[{\"q\":1,\"p\":2}]}}",
            new MapValue().put("x", 1).put("y", 2), new MapValue().put("b", "s").put("a", 3), "[5, {\"k\":1,\"j\":2}]");
        assertThat(canonical(reordered)).isNotEqualTo(canonical(written));
        assertThat(CanonicalJson.sameJson(json("[1, 2]"), json("[2, 1]"))).isFalse();
    }

    @Test
    void numbersCompareExactlyAsTheSdkRendersThem() {
        // no real region has shown a re-encoded number: 2 and 2.0 stay different values
        assertThat(CanonicalJson.sameJson(new MapValue().put("n", 2), new MapValue().put("n", 2.0))).isFalse();
        assertThat(CanonicalJson.sameJson(json("{\"n\": 2, \"s\": \"x\"}"), json("{\"s\": \"x\", \"n\": 2}"))).isTrue();
    }

    @Test
    void aSchemaThatCannotBeReadComparesEveryObjectUnordered() {
        assertThat(ValueShape.ofTableSchema("not json")).isEqualTo(ValueShape.JSON);
        assertThat(CanonicalJson.of(new MapValue().put("b", 1).put("a", new ArrayValue().add(2)), ValueShape.ofTableSchema(null)))
            .isEqualTo("{\"a\":[2],\"b\":1}");
    }
}
