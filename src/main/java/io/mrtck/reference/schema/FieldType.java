package io.mrtck.reference.schema;

import java.util.List;
import java.util.Map;

/**
 * A declared type.
 *
 * @param code               the kind of type
 * @param timestampPrecision for TIMESTAMP, fractional-second digits 0..9 (default 9)
 * @param element            for ARRAY and MAP, the element type
 * @param fields             for RECORD, its fields in declaration order
 * @param jsonCounters       for JSON, MR_COUNTER paths declared inside the column
 *                           (path such as {@code "hits"} or {@code "a.b"} → INTEGER|LONG|NUMBER)
 */
public record FieldType(TypeCode code, int timestampPrecision, FieldType element,
                        List<FieldDef> fields, Map<String, TypeCode> jsonCounters) {

    public FieldType {
        fields = fields == null ? List.of() : List.copyOf(fields);
        jsonCounters = jsonCounters == null ? Map.of() : Map.copyOf(jsonCounters);
    }

    public static FieldType of(TypeCode code) {
        return new FieldType(code, code == TypeCode.TIMESTAMP ? 9 : 0, null, null, null);
    }

    public static FieldType timestamp(int precision) {
        return new FieldType(TypeCode.TIMESTAMP, precision, null, null, null);
    }

    public static FieldType arrayOf(FieldType element) {
        return new FieldType(TypeCode.ARRAY, 0, element, null, null);
    }

    public static FieldType mapOf(FieldType element) {
        return new FieldType(TypeCode.MAP, 0, element, null, null);
    }

    public static FieldType record(List<FieldDef> fields) {
        return new FieldType(TypeCode.RECORD, 0, null, fields, null);
    }

    public static FieldType json(Map<String, TypeCode> counters) {
        return new FieldType(TypeCode.JSON, 0, null, null, counters);
    }
}
