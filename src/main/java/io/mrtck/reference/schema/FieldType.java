package io.mrtck.reference.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 *                           (path such as {@code "hits"} or {@code "a.b"} → INTEGER|LONG|NUMBER),
 *                           in declaration order
 * @param size               for FIXED_BINARY ({@code BINARY(n)}), the length in bytes
 * @param enumValues         for ENUM, its symbols in declaration order
 */
public record FieldType(TypeCode code, int timestampPrecision, FieldType element,
                        List<FieldDef> fields, Map<String, TypeCode> jsonCounters,
                        int size, List<String> enumValues) {

    public FieldType {
        fields = fields == null ? List.of() : List.copyOf(fields);
        jsonCounters = jsonCounters == null ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(jsonCounters));
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    public static FieldType of(TypeCode code) {
        return new FieldType(code, code == TypeCode.TIMESTAMP ? 9 : 0, null, null, null, 0, null);
    }

    public static FieldType timestamp(int precision) {
        return new FieldType(TypeCode.TIMESTAMP, precision, null, null, null, 0, null);
    }

    public static FieldType fixedBinary(int size) {
        return new FieldType(TypeCode.FIXED_BINARY, 0, null, null, null, size, null);
    }

    public static FieldType enumOf(List<String> symbols) {
        return new FieldType(TypeCode.ENUM, 0, null, null, null, 0, symbols);
    }

    public static FieldType arrayOf(FieldType element) {
        return new FieldType(TypeCode.ARRAY, 0, element, null, null, 0, null);
    }

    public static FieldType mapOf(FieldType element) {
        return new FieldType(TypeCode.MAP, 0, element, null, null, 0, null);
    }

    public static FieldType record(List<FieldDef> fields) {
        return new FieldType(TypeCode.RECORD, 0, null, fields, null, 0, null);
    }

    public static FieldType json(Map<String, TypeCode> counters) {
        return new FieldType(TypeCode.JSON, 0, null, null, counters, 0, null);
    }
}
