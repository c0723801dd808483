package io.mrtck.reference.sql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.mrtck.reference.sql.expr.SqlFunction;

/** The built-in functions by name, as a call in a statement names them (case-insensitive). */
final class FunctionRegistry {
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
    static SqlFunction find(String name) {
        return FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
    }
}
