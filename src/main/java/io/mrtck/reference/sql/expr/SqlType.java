package io.mrtck.reference.sql.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TypeCode;
import oracle.nosql.driver.values.FieldValue;

/**
 * The type of one item as the query compiler sees it: the column types of the schema plus the
 * wildcard types of the query language (ANY, ANYATOMIC, ANYJSONATOMIC, ANYRECORD, JSON) and EMPTY
 * (an expression that returns nothing). Values carry no type of their own in the reference (an
 * SDK FieldValue does not know whether a map is a RECORD or a MAP(INTEGER)), so wherever the real
 * engine looks at a value's declared type, the reference uses the static type of the expression
 * that produced it and falls back to the value's JSON kind.
 *
 * @param kind      the kind of type
 * @param element   the element type of ARRAY and MAP
 * @param fields    the fields of RECORD, in declaration order
 * @param precision TIMESTAMP's fractional-second digits
 * @param size      FIXED_BINARY's length
 * @param symbols   ENUM's symbols
 */
public record SqlType(Kind kind, SqlType element, List<Field> fields, int precision, int size, List<String> symbols) {

    public enum Kind {
        EMPTY, ANY, ANY_ATOMIC, ANY_JSON_ATOMIC, ANY_RECORD, JSON,
        INTEGER, LONG, FLOAT, DOUBLE, NUMBER, STRING, BOOLEAN, BINARY, FIXED_BINARY, ENUM, TIMESTAMP,
        ARRAY, MAP, RECORD;

        boolean isNumeric() {
            return this == INTEGER || this == LONG || this == FLOAT || this == DOUBLE || this == NUMBER;
        }

        boolean isAtomic() {
            return ordinal() >= INTEGER.ordinal() && ordinal() <= TIMESTAMP.ordinal();
        }

        /** Atomic kinds a JSON document can hold. */
        boolean isJsonAtomic() {
            return isNumeric() && this != FLOAT || this == STRING || this == BOOLEAN;
        }
    }

    /** A field of a RECORD type. */
    public record Field(String name, SqlType type) {
    }

    /** How many items an expression returns: exactly one, at most one, at least one, any number. */
    public enum Quantifier {
        ONE(""), QSTN("?"), PLUS("+"), STAR("*");

        private final String symbol;

        Quantifier(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        public boolean mayBeEmpty() {
            return this == QSTN || this == STAR;
        }

        public boolean mayBeMany() {
            return this == PLUS || this == STAR;
        }
    }

    public static final SqlType EMPTY = of(Kind.EMPTY);
    public static final SqlType ANY = of(Kind.ANY);
    public static final SqlType ANY_ATOMIC = of(Kind.ANY_ATOMIC);
    public static final SqlType ANY_JSON_ATOMIC = of(Kind.ANY_JSON_ATOMIC);
    public static final SqlType JSON = of(Kind.JSON);
    public static final SqlType INTEGER = of(Kind.INTEGER);
    public static final SqlType LONG = of(Kind.LONG);
    public static final SqlType DOUBLE = of(Kind.DOUBLE);
    public static final SqlType NUMBER = of(Kind.NUMBER);
    public static final SqlType STRING = of(Kind.STRING);
    public static final SqlType BOOLEAN = of(Kind.BOOLEAN);
    public static final SqlType TIMESTAMP9 = timestamp(9);
    public static final SqlType TIMESTAMP3 = timestamp(3);

    public SqlType {
        fields = fields == null ? List.of() : List.copyOf(fields);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    public static SqlType of(Kind kind) {
        return new SqlType(kind, null, null, kind == Kind.TIMESTAMP ? 9 : 0, 0, null);
    }

    public static SqlType timestamp(int precision) {
        return new SqlType(Kind.TIMESTAMP, null, null, precision, 0, null);
    }

    public static SqlType arrayOf(SqlType element) {
        return new SqlType(Kind.ARRAY, element, null, 0, 0, null);
    }

    public static SqlType mapOf(SqlType element) {
        return new SqlType(Kind.MAP, element, null, 0, 0, null);
    }

    public static SqlType record(List<Field> fields) {
        return new SqlType(Kind.RECORD, null, fields, 0, 0, null);
    }

    /** The query type of a declared column or record field type. */
    public static SqlType of(FieldType t) {
        return switch (t.code()) {
            case INTEGER -> INTEGER;
            case LONG -> LONG;
            case FLOAT -> of(Kind.FLOAT);
            case DOUBLE -> DOUBLE;
            case NUMBER -> NUMBER;
            case STRING -> STRING;
            case BOOLEAN -> BOOLEAN;
            case BINARY -> of(Kind.BINARY);
            case FIXED_BINARY -> new SqlType(Kind.FIXED_BINARY, null, null, 0, t.size(), null);
            case ENUM -> new SqlType(Kind.ENUM, null, null, 0, 0, t.enumValues());
            case TIMESTAMP -> timestamp(t.timestampPrecision());
            case JSON -> JSON;
            case ARRAY -> arrayOf(of(t.element()));
            case MAP -> mapOf(of(t.element()));
            case RECORD -> {
                List<Field> fs = new ArrayList<>();
                for (FieldDef f : t.fields()) {
                    fs.add(new Field(f.name(), of(f.type())));
                }
                yield record(fs);
            }
        };
    }

    /** The schema type this query type stands for, or null for the wildcard types. */
    public FieldType toFieldType() {
        return switch (kind) {
            case INTEGER -> FieldType.of(TypeCode.INTEGER);
            case LONG -> FieldType.of(TypeCode.LONG);
            case FLOAT -> FieldType.of(TypeCode.FLOAT);
            case DOUBLE -> FieldType.of(TypeCode.DOUBLE);
            case NUMBER -> FieldType.of(TypeCode.NUMBER);
            case STRING -> FieldType.of(TypeCode.STRING);
            case BOOLEAN -> FieldType.of(TypeCode.BOOLEAN);
            case BINARY -> FieldType.of(TypeCode.BINARY);
            case FIXED_BINARY -> FieldType.fixedBinary(size);
            case ENUM -> FieldType.enumOf(symbols);
            case TIMESTAMP -> FieldType.timestamp(precision);
            case JSON -> FieldType.json(null);
            case ARRAY -> element.toFieldType() == null ? null : FieldType.arrayOf(element.toFieldType());
            case MAP -> element.toFieldType() == null ? null : FieldType.mapOf(element.toFieldType());
            case RECORD -> {
                List<FieldDef> fs = new ArrayList<>();
                for (Field f : fields) {
                    FieldType ft = f.type().toFieldType();
                    if (ft == null) {
                        yield null;
                    }
                    fs.add(new FieldDef(f.name(), ft, true, null, false));
                }
                yield FieldType.record(fs);
            }
            default -> null;
        };
    }

    public boolean isNumeric() {
        return kind.isNumeric();
    }

    public boolean isWildcard() {
        return kind == Kind.ANY || kind == Kind.ANY_ATOMIC || kind == Kind.ANY_JSON_ATOMIC
            || kind == Kind.ANY_RECORD || kind == Kind.JSON;
    }

    /** Whether the type holds JSON data only (JSON, ANYJSONATOMIC, or a JSON array/map). */
    public boolean isJson() {
        return kind == Kind.JSON || kind == Kind.ANY_JSON_ATOMIC
            || (kind == Kind.ARRAY || kind == Kind.MAP) && element.kind == Kind.JSON;
    }

    /** The field of a RECORD type, by name (case-insensitive), or null. */
    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** Whether every value of this type is a value of {@code other}. */
    boolean isSubtypeOf(SqlType other) {
        if (kind == Kind.EMPTY) {
            return true;
        }
        switch (other.kind) {
            case ANY:
                return true;
            case ANY_ATOMIC:
                return kind.isAtomic() || kind == Kind.ANY_ATOMIC || kind == Kind.ANY_JSON_ATOMIC;
            case ANY_JSON_ATOMIC:
                return kind.isJsonAtomic() || kind == Kind.ANY_JSON_ATOMIC;
            case ANY_RECORD:
                return kind == Kind.RECORD || kind == Kind.ANY_RECORD;
            case JSON:
                return kind.isJsonAtomic() || kind == Kind.ANY_JSON_ATOMIC || kind == Kind.JSON
                    || (kind == Kind.ARRAY || kind == Kind.MAP) && element.isSubtypeOf(JSON);
            case ARRAY:
            case MAP:
                return kind == other.kind && element.isSubtypeOf(other.element);
            case RECORD:
                if (kind != Kind.RECORD || fields.size() != other.fields.size()) {
                    return false;
                }
                for (int i = 0; i < fields.size(); i++) {
                    if (!fields.get(i).name().equalsIgnoreCase(other.fields.get(i).name())
                        || !fields.get(i).type().isSubtypeOf(other.fields.get(i).type())) {
                        return false;
                    }
                }
                return true;
            case TIMESTAMP:
                return kind == Kind.TIMESTAMP && precision <= other.precision;
            case FIXED_BINARY:
                return kind == Kind.FIXED_BINARY && size == other.size;
            case ENUM:
                return kind == Kind.ENUM && symbols.equals(other.symbols);
            case LONG:
                return kind == Kind.INTEGER || kind == Kind.LONG;
            case DOUBLE:
                return kind == Kind.FLOAT || kind == Kind.DOUBLE;
            case NUMBER:
                return kind.isNumeric();
            default:
                return kind == other.kind;
        }
    }

    /**
     * The type of the items of a sequence that holds items of both types: the same type, a common
     * numeric type, JSON when both are JSON data, else the closest wildcard.
     */
    public SqlType union(SqlType other) {
        if (kind == Kind.EMPTY) {
            return other;
        }
        if (other.kind == Kind.EMPTY || equals(other)) {
            return this;
        }
        if (isNumeric() && other.isNumeric()) {
            Kind k = kind.ordinal() > other.kind.ordinal() ? kind : other.kind;
            return k == Kind.FLOAT && (kind == Kind.LONG || other.kind == Kind.LONG) ? of(Kind.FLOAT) : of(k);
        }
        if (isSubtypeOf(other)) {
            return other;
        }
        if (other.isSubtypeOf(this)) {
            return this;
        }
        if (isSubtypeOf(JSON) && other.isSubtypeOf(JSON)) {
            return kind.isAtomic() && other.kind.isAtomic() ? ANY_JSON_ATOMIC : JSON;
        }
        if ((kind.isAtomic() || kind == Kind.ANY_ATOMIC || kind == Kind.ANY_JSON_ATOMIC)
            && (other.kind.isAtomic() || other.kind == Kind.ANY_ATOMIC || other.kind == Kind.ANY_JSON_ATOMIC)) {
            return ANY_ATOMIC;
        }
        return ANY;
    }

    /** The type of a JSON value (a JSON null has none: only JSON and ANY hold it). */
    public static SqlType ofJsonValue(FieldValue v) {
        return switch (v.getType()) {
            case INTEGER -> INTEGER;
            case LONG -> LONG;
            case DOUBLE -> DOUBLE;
            case NUMBER -> NUMBER;
            case STRING -> STRING;
            case BOOLEAN -> BOOLEAN;
            case BINARY -> of(Kind.BINARY);
            case TIMESTAMP -> TIMESTAMP9;
            case ARRAY -> arrayOf(JSON);
            case MAP -> mapOf(JSON);
            default -> null;
        };
    }

    /** The type's name as the real engine prints it in messages ("Integer", "Array(Json)", "Timestamp(3)"). */
    public String ddl() {
        return switch (kind) {
            case EMPTY -> "Empty";
            case ANY -> "Any";
            case ANY_ATOMIC -> "AnyAtomic";
            case ANY_JSON_ATOMIC -> "AnyJsonAtomic";
            case ANY_RECORD -> "AnyRecord";
            case JSON -> "Json";
            case FIXED_BINARY -> "Binary(" + size + ")";
            case ENUM -> "Enum(" + String.join(", ", symbols) + ")";
            case TIMESTAMP -> "Timestamp(" + precision + ")";
            case ARRAY -> "Array(" + element.ddl() + ")";
            case MAP -> "Map(" + element.ddl() + ")";
            case RECORD -> {
                List<String> fs = new ArrayList<>();
                for (Field f : fields) {
                    fs.add(f.name() + " " + f.type().ddl());
                }
                yield "Record(" + String.join(", ", fs) + ")";
            }
            default -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** The type name of a value, for runtime messages about the value ("String", "AnyJsonAtomic" for JSON null). */
    public static String ddlOf(FieldValue v, SqlType staticType) {
        if (v.isJsonNull()) {
            return "AnyJsonAtomic";
        }
        if (staticType != null && !staticType.isWildcard() && staticType.kind != Kind.EMPTY) {
            return staticType.ddl();
        }
        SqlType t = ofJsonValue(v);
        return t == null ? "Any" : t.ddl();
    }

    @Override
    public String toString() {
        return ddl();
    }
}
