package io.mrtck.reference.mr;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * How a region keeps a JSON document that arrived from another region: the members of every
 * JSON object sorted by name, at every depth. A real 25.3 region returned a replicated
 * document's members alphabetically while the writing region kept the order written
 * (MR-SEMANTICS.md, "second look"); doing the same here makes CI exercise the suites'
 * order-blind comparison. Columns that are not JSON keep their order.
 */
final class ReplicatedJson {
    private ReplicatedJson() {
    }

    /** A copy of the row with the object members of its JSON values sorted. */
    static MapValue membersSorted(TableSchema table, MapValue row) {
        MapValue out = new MapValue(true, row.size());
        row.getMap().forEach((name, v) -> out.put(name,
            table.field(name).map(f -> sorted(f.type(), v)).orElse(v)));
        return out;
    }

    static FieldValue sorted(FieldType type, FieldValue v) {
        return switch (type.code()) {
            case JSON -> sortedJson(v);
            case ARRAY -> v instanceof ArrayValue a ? elements(a, e -> sorted(type.element(), e)) : v;
            case MAP -> v instanceof MapValue m ? members(m, (k, e) -> sorted(type.element(), e)) : v;
            case RECORD -> v instanceof MapValue m ? members(m, (k, e) -> type.fields().stream()
                .filter(f -> f.nameIs(k)).findFirst().map(f -> sorted(f.type(), e)).orElse(e)) : v;
            default -> v;
        };
    }

    private static FieldValue sortedJson(FieldValue v) {
        if (v instanceof MapValue m) {
            return members(new TreeMap<>(m.getMap()), (k, e) -> sortedJson(e));
        }
        return v instanceof ArrayValue a ? elements(a, ReplicatedJson::sortedJson) : v;
    }

    private static MapValue members(MapValue m, BiFunction<String, FieldValue, FieldValue> each) {
        return members(m.getMap(), each);
    }

    private static MapValue members(Map<String, FieldValue> m, BiFunction<String, FieldValue, FieldValue> each) {
        MapValue out = new MapValue(true, m.size());
        m.forEach((k, e) -> out.put(k, each.apply(k, e)));
        return out;
    }

    private static ArrayValue elements(ArrayValue a, UnaryOperator<FieldValue> each) {
        ArrayValue out = new ArrayValue(a.size());
        a.forEach(e -> out.add(each.apply(e)));
        return out;
    }
}
