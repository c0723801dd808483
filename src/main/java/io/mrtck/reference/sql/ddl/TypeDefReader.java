package io.mrtck.reference.sql.ddl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.IdentityDef;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.StatementParser;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;

/** Reads column declarations and types of the DDL (and DECLARE) into the schema model. */
public final class TypeDefReader {
    /** The longest field name the real engine accepts. */
    static final int MAX_FIELD_NAME = 64;

    private TypeDefReader() {
    }

    /** A type in a DDL statement: the ANY types are refused where they are written. */
    static FieldType ddlType(Type_defContext ctx) {
        return type(ctx, true);
    }

    /** The type of a DECLAREd variable. */
    public static FieldType variableType(Type_defContext ctx) {
        return type(ctx, false);
    }

    private static String anyTypeName(Type_defContext ctx) {
        if (ctx.any_def() != null) return "Any";
        if (ctx.anyAtomic_def() != null) return "AnyAtomic";
        if (ctx.anyJsonAtomic_def() != null) return "AnyJsonAtomic";
        if (ctx.anyRecord_def() != null) return "AnyRecord";
        return null;
    }

    private static FieldType type(Type_defContext ctx, boolean ddl) {
        String any = anyTypeName(ctx);
        if (any != null && ddl) {
            throw StatementError.at(ctx, "Type " + any + " not allowed in DDL statements.");
        }
        if (any != null) {
            throw StatementError.notSupported("A variable of type " + ctx.getText());
        }
        if (ctx.integer_def() != null) {
            return FieldType.of(ctx.integer_def().LONG_T() != null ? TypeCode.LONG : TypeCode.INTEGER);
        }
        if (ctx.float_def() != null) {
            Float_defContext f = ctx.float_def();
            return FieldType.of(f.FLOAT_T() != null ? TypeCode.FLOAT
                : f.DOUBLE_T() != null ? TypeCode.DOUBLE : TypeCode.NUMBER);
        }
        if (ctx.string_def() != null) return FieldType.of(TypeCode.STRING);
        if (ctx.boolean_def() != null) return FieldType.of(TypeCode.BOOLEAN);
        if (ctx.json_def() != null) return FieldType.json(null);
        if (ctx.binary_def() != null) {
            Binary_defContext b = ctx.binary_def();
            if (b.INT() == null) {
                return FieldType.of(TypeCode.BINARY);
            }
            int size = number(b.INT().getText());
            if (size <= 0) {
                throw StatementError.at(ctx, "Fixed binary size must be greater than 0: " + size);
            }
            return FieldType.fixedBinary(size);
        }
        if (ctx.timestamp_def() != null) {
            Timestamp_defContext t = ctx.timestamp_def();
            int precision = t.INT() == null ? 9 : number(t.INT().getText());
            if (precision > 9) {
                throw RequestException.illegalArgument("Timestamp precision must be 0..9: " + t.INT().getText());
            }
            return FieldType.timestamp(precision);
        }
        if (ctx.enum_def() != null) return enumType(ctx);
        if (ctx.array_def() != null) return FieldType.arrayOf(type(ctx.array_def().type_def(), ddl));
        if (ctx.map_def() != null) return FieldType.mapOf(type(ctx.map_def().type_def(), ddl));
        return record(ctx.record_def());
    }

    private static FieldType enumType(Type_defContext ctx) {
        List<String> symbols = new ArrayList<>();
        for (IdContext id : ctx.enum_def().id_list().id()) {
            symbols.add(id.getText());
        }
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.subList(0, i).contains(symbols.get(i))) {
                throw StatementError.at(ctx, "Invalid ENUM type 'ENUM(" + String.join(",", symbols)
                    + ")': Duplicated enumeration value: " + symbols.get(i));
            }
        }
        return FieldType.enumOf(symbols);
    }

    private static FieldType record(Record_defContext ctx) {
        List<FieldDef> fields = new ArrayList<>();
        for (Field_defContext f : ctx.field_def()) {
            FieldDef def = column(f.id().getText(), f.type_def(), f);
            if (fields.stream().anyMatch(x -> x.nameIs(def.name()))) {
                throw TableDdl.columnExists(def.name());
            }
            fields.add(def);
        }
        return FieldType.record(fields);
    }

    static FieldDef column(Column_defContext ctx) {
        return column(ctx.id().getText(), ctx.type_def(), ctx);
    }

    /**
     * A column or record field named {@code name} of type {@code typeCtx}, with the options of
     * {@code decl} (a column_def, field_def or ALTER TABLE's add_field_statement): DEFAULT,
     * NOT NULL, AS MR_COUNTER, JSON counter fields, STRING AS UUID. An identity column is
     * read by {@link #identity}.
     */
    static FieldDef column(String name, Type_defContext typeCtx, ParserRuleContext decl) {
        checkFieldName(name);
        CommentContext comment = decl.getRuleContext(CommentContext.class, 0);
        FieldDef f = declared(name, ddlType(typeCtx), decl);
        return comment == null ? f : f.withComment(StatementParser.text(comment.string()));
    }

    private static void checkFieldName(String name) {
        if (name.length() > MAX_FIELD_NAME) {
            throw RequestException.illegalArgument("Illegal name: " + name + ". Field names must be less than or "
                + "equal to " + MAX_FIELD_NAME + " characters.");
        }
    }

    private static FieldDef declared(String name, FieldType type, ParserRuleContext decl) {
        Uuid_defContext uuid = decl.getRuleContext(Uuid_defContext.class, 0);
        if (uuid != null) {
            if (type.code() != TypeCode.STRING) {
                throw StatementError.at(uuid, "AS UUID is only allowed on STRING fields");
            }
            return new FieldDef(name, FieldType.uuid(uuid.GENERATED() != null), true, null, false);
        }
        Json_mrcounter_fieldsContext jsonCounters = decl.getRuleContext(Json_mrcounter_fieldsContext.class, 0);
        if (jsonCounters != null && type.code() == TypeCode.JSON) {
            // a JSON column holding counters is never NULL: it holds at least its counters
            return new FieldDef(name, FieldType.json(jsonCounters(jsonCounters)), false, null, false);
        }
        // The real engine accepts counter declarations after other types and ignores them.
        if (decl.getRuleContext(Mr_counter_defContext.class, 0) != null) {
            TypeCode code = type.code();
            if (code != TypeCode.INTEGER && code != TypeCode.LONG && code != TypeCode.NUMBER) {
                throw RequestException.illegalArgument("Cannot create a def with CRDT for type: " + code);
            }
            return new FieldDef(name, type, false, zero(code), true);
        }
        Default_defContext dflt = decl.getRuleContext(Default_defContext.class, 0);
        if (dflt == null) {
            return new FieldDef(name, type, true, null, false);
        }
        FieldValue value = dflt.default_value() == null ? null : defaultValue(type, name, dflt);
        return new FieldDef(name, type, dflt.not_null() == null, value, false);
    }

    /** Whether the declaration makes its column an identity column. */
    static Identity_defContext identityOf(ParserRuleContext decl) {
        return decl.getRuleContext(Identity_defContext.class, 0);
    }

    /** The sequence of an identity column of type {@code type} (INTEGER, LONG or NUMBER only). */
    static IdentityDef identity(String column, FieldType type, Identity_defContext ctx) {
        TypeCode code = type.code();
        if (code != TypeCode.INTEGER && code != TypeCode.LONG && code != TypeCode.NUMBER) {
            throw StatementError.at(ctx, "Identity field must be of type INTEGER, LONG or NUMBER: " + column);
        }
        BigDecimal min = code == TypeCode.INTEGER ? BigDecimal.valueOf(Integer.MIN_VALUE)
            : code == TypeCode.LONG ? BigDecimal.valueOf(Long.MIN_VALUE) : null;
        BigDecimal max = code == TypeCode.INTEGER ? BigDecimal.valueOf(Integer.MAX_VALUE)
            : code == TypeCode.LONG ? BigDecimal.valueOf(Long.MAX_VALUE) : null;
        BigDecimal start = null;
        BigDecimal increment = BigDecimal.ONE;
        long cache = IdentityDef.DEFAULT_CACHE;
        boolean cycle = false;
        for (Sequence_optionsContext o : ctx.sequence_options()) {
            if (o.START() != null) {
                start = signed(o.signed_int());
            } else if (o.INCREMENT() != null) {
                increment = signed(o.signed_int());
            } else if (o.MAXVALUE() != null) {
                max = o.NO() != null ? max : signed(o.signed_int());
            } else if (o.MINVALUE() != null) {
                min = o.NO() != null ? min : signed(o.signed_int());
            } else if (o.CACHE() != null) {
                cache = o.NO() != null ? 1 : Long.parseLong(o.INT().getText());
            } else if (o.CYCLE() != null) {
                cycle = o.NO() == null;
            }
        }
        if (increment.signum() == 0) {
            throw StatementError.at(ctx, "Increment value cannot be 0");
        }
        if (start == null) {
            start = increment.signum() > 0 ? (min == null || min.signum() < 0 ? BigDecimal.ONE : min)
                : (max == null || max.signum() > 0 ? BigDecimal.valueOf(-1) : max);
        }
        return new IdentityDef(column, ctx.ALWAYS() != null, ctx.NULL() != null, start, increment, min, max,
            cache, cycle);
    }

    private static BigDecimal signed(Signed_intContext ctx) {
        return new BigDecimal(ctx.getText());
    }

    /** Counter paths in declaration order; a path declared twice counts once, as in the real engine. */
    private static Map<String, TypeCode> jsonCounters(Json_mrcounter_fieldsContext ctx) {
        Map<String, TypeCode> counters = new LinkedHashMap<>();
        for (Json_mrcounter_defContext c : ctx.json_mrcounter_def()) {
            List<String> parts = new ArrayList<>();
            for (ParserRuleContext step : c.json_mrcounter_path().getRuleContexts(ParserRuleContext.class)) {
                parts.add(step instanceof StringContext s ? StatementParser.text(s) : step.getText());
            }
            TypeCode code = c.INTEGER_T() != null ? TypeCode.INTEGER : c.LONG_T() != null ? TypeCode.LONG : TypeCode.NUMBER;
            counters.put(String.join(".", parts), code);
        }
        return counters;
    }

    private static FieldValue defaultValue(FieldType type, String name, Default_defContext dflt) {
        Default_valueContext v = dflt.default_value();
        switch (type.code()) {
            case JSON, BINARY, FIXED_BINARY, ARRAY, MAP, RECORD ->
                throw StatementError.at(dflt, "Fields of type: " + type.code() + " cannot have default values");
            default -> { }
        }
        if (type.code() == TypeCode.ENUM) {
            String symbol = v.string() != null ? StatementParser.text(v.string()) : v.getChild(1).getText();
            if (!type.enumValues().contains(symbol)) {
                throw StatementError.at(dflt, "Invalid enumeration value '" + symbol + "', must be in values: "
                    + type.enumValues());
            }
            return new StringValue(symbol);
        }
        FieldValue literal;
        if (v.number() != null) {
            literal = StatementParser.number(v.number());
        } else if (v.string() != null) {
            literal = new StringValue(StatementParser.text(v.string()));
        } else if (v.id() != null) {
            literal = new StringValue(v.id().getText());
        } else {
            literal = BooleanValue.getInstance(v.TRUE() != null);
        }
        return ValueCoercion.coerce(type, literal);
    }

    private static int number(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw RequestException.illegalArgument("Number too large: " + digits);
        }
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
