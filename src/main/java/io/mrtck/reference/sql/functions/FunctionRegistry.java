package io.mrtck.reference.sql.functions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.mrtck.reference.sql.expr.SqlFunction;

/** The built-in functions by name, as a call in a statement names them (case-insensitive). */
public final class FunctionRegistry {
    private static final Map<String, SqlFunction> FUNCTIONS = new HashMap<>();

    static {
        StringFunctions.register();
        MathFunctions.register();
        TimestampFunctions.register();
        SequenceFunctions.register();
        RowFunctions.register();
    }

    private FunctionRegistry() {
    }

    static void add(SqlFunction f) {
        FUNCTIONS.put(f.name(), f);
    }

    /** The function, or null. */
    public static SqlFunction find(String name) {
        return FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The function {@code EXTRACT(unit FROM t)} calls, or null when {@code unit} is not one EXTRACT takes. */
    public static SqlFunction extraction(String unit) {
        return TimestampFunctions.isExtraction(unit) ? find(unit) : null;
    }
}
