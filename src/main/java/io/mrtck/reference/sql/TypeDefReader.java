package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.sql.SqlParser.*;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;

/** Reads column declarations and types of the DDL into the schema model. */
final class TypeDefReader {

    private TypeDefReader() {
    }

    static FieldType type(TypeDefContext ctx) {
        if (ctx instanceof IntegerTypeContext) return FieldType.of(TypeCode.INTEGER);
        if (ctx instanceof LongTypeContext) return FieldType.of(TypeCode.LONG);
        if (ctx instanceof FloatTypeContext) return FieldType.of(TypeCode.FLOAT);
        if (ctx instanceof DoubleTypeContext) return FieldType.of(TypeCode.DOUBLE);
        if (ctx instanceof NumberTypeContext) return FieldType.of(TypeCode.NUMBER);
        if (ctx instanceof StringTypeContext) return FieldType.of(TypeCode.STRING);
        if (ctx instanceof BooleanTypeContext) return FieldType.of(TypeCode.BOOLEAN);
        if (ctx instanceof BinaryTypeContext) return FieldType.of(TypeCode.BINARY);
        if (ctx instanceof TimestampTypeContext t) {
            int precision = t.INT() == null ? 9 : Integer.parseInt(t.INT().getText());
            if (precision > 9) {
                throw RequestException.illegalArgument("Timestamp precision must be 0..9: " + precision);
            }
            return FieldType.timestamp(precision);
        }
        if (ctx instanceof JsonTypeContext j) {
            Map<String, TypeCode> counters = new LinkedHashMap<>();
            for (JsonCounterContext c : j.jsonCounter()) {
                List<String> parts = new ArrayList<>();
                for (NameContext n : c.name()) {
                    parts.add(StatementParser.nameText(n));
                }
                TypeCode code = c.INTEGER() != null ? TypeCode.INTEGER
                    : c.LONG() != null ? TypeCode.LONG : TypeCode.NUMBER;
                counters.put(String.join(".", parts), code);
            }
            return FieldType.json(counters);
        }
        if (ctx instanceof ArrayTypeContext a) return FieldType.arrayOf(type(a.typeDef()));
        if (ctx instanceof MapTypeContext m) return FieldType.mapOf(type(m.typeDef()));
        RecordTypeContext r = (RecordTypeContext) ctx;
        List<FieldDef> fields = new ArrayList<>();
        for (RecordFieldContext f : r.recordField()) {
            FieldDef def = field(StatementParser.nameText(f.name()), type(f.typeDef()), f.columnOption());
            if (fields.stream().anyMatch(x -> x.nameIs(def.name()))) {
                throw RequestException.illegalArgument("Duplicate field name in record: " + def.name());
            }
            fields.add(def);
        }
        return FieldType.record(fields);
    }

    static FieldDef column(ColumnDefContext ctx) {
        return field(StatementParser.nameText(ctx.name()), type(ctx.typeDef()), ctx.columnOption());
    }

    static FieldDef field(String name, FieldType type, List<ColumnOptionContext> options) {
        boolean nullable = true;
        FieldValue defaultValue = null;
        boolean counter = false;
        for (ColumnOptionContext option : options) {
            if (option instanceof NotNullOptionContext) {
                nullable = false;
            } else if (option instanceof DefaultOptionContext d) {
                FieldValue literal = ExprBuilder.literal(d.literal());
                if (!literal.isAnyNull()) {
                    defaultValue = ValueCoercion.coerce(type, literal);
                }
            } else {
                counter = true;
            }
        }
        if (counter) {
            TypeCode code = type.code();
            if (code != TypeCode.INTEGER && code != TypeCode.LONG && code != TypeCode.NUMBER) {
                throw RequestException.illegalArgument("MR_COUNTER column " + name
                    + " must be of type INTEGER, LONG or NUMBER, not " + code);
            }
            return new FieldDef(name, type, false, zero(code), true);
        }
        return new FieldDef(name, type, nullable, defaultValue, false);
    }

    static FieldValue zero(TypeCode code) {
        return switch (code) {
            case LONG -> new LongValue(0);
            case NUMBER -> new NumberValue(java.math.BigDecimal.ZERO);
            default -> new IntegerValue(0);
        };
    }

    static boolean hasCounters(FieldDef f) {
        return f.mrCounter() || !f.type().jsonCounters().isEmpty();
    }
}
