package io.mrtck.reference.mr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.Test;

class ReplicatedJsonTest {
    private static FieldDef column(String name, FieldType type) {
        return new FieldDef(name, type, true, null, false);
    }

    private static final TableSchema USERS = new TableSchema("Users", null, List.of(
        column("uid", FieldType.of(TypeCode.INTEGER)),
        column("person", FieldType.json(Map.of())),
        column("m", FieldType.mapOf(FieldType.of(TypeCode.INTEGER))),
        column("docs", FieldType.arrayOf(FieldType.json(Map.of()))),
        column("rec", FieldType.record(List.of(column("z", FieldType.of(TypeCode.STRING)),
            column("a", FieldType.json(Map.of())))))),
        List.of("uid"), 1, null, List.of(1, 2), List.of(), 1, "CREATE TABLE Users …");

    private static MapValue ordered() {
        return new MapValue(true, 8);
    }

    /** A row built in the order written, as a region keeps it. */
    private static MapValue row() {
        return ordered().put("uid", 1)
            .put("person", FieldValue.createFromJson(
                "{\"lastName\":\"ma\",\"firstName\":\"jack\",\"location\":{\"z\":1,\"c\":[{\"y\":1,\"b\":2}]}}", null))
            .put("m", ordered().put("y", 1).put("x", 2))
            .put("docs", FieldValue.createFromJson("[{\"b\":1,\"a\":2}]", null))
            .put("rec", ordered().put("z", "s").put("a", FieldValue.createFromJson("{\"q\":1,\"p\":2}", null)));
    }

    @Test
    void jsonObjectMembersAreSortedAtEveryDepthOtherValuesKeepTheirOrder() {
        MapValue sorted = ReplicatedJson.membersSorted(USERS, row());
        assertThat(sorted.toJson()).isEqualTo("{\"uid\":1,"
            + "\"person\":{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":{\"c\":[{\"b\":2,\"y\":1}],\"z\":1}},"
            + "\"m\":{\"y\":1,\"x\":2},\"docs\":[{\"a\":2,\"b\":1}],\"rec\":{\"z\":\"s\",\"a\":{\"p\":2,\"q\":1}}}");
    }

    @Test
    void theIncomingRowIsLeftAsItCame() {
        MapValue incoming = row();
        String before = incoming.toJson();
        ReplicatedJson.membersSorted(USERS, incoming);
        assertThat(incoming.toJson()).isEqualTo(before);
    }
}
