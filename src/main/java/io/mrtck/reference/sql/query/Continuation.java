package io.mrtck.reference.sql.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.ValueCoercion;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.JsonOptions;

/**
 * Where the next batch of a query starts, as opaque bytes for the client:
 * {@code mrtck-q1|<statement hash>|<emitted>|<skipped>|<position>|<last key as JSON array>}.
 * A key-ordered query resumes after {@code lastKey}; a materialized one skips
 * {@code position} result rows. The hash ties it to its statement.
 */
record Continuation(int statementHash, long emitted, long skipped, long position,
                    List<FieldValue> lastKey) {
    private static final String MAGIC = "mrtck-q1";

    byte[] encode() {
        String key = "";
        if (lastKey != null) {
            ArrayValue a = new ArrayValue(lastKey.size());
            lastKey.forEach(a::add);
            key = a.toJson();
        }
        return String.join("|", MAGIC, Integer.toString(statementHash), Long.toString(emitted),
            Long.toString(skipped), Long.toString(position), key).getBytes(StandardCharsets.UTF_8);
    }

    static Continuation decode(byte[] bytes, int statementHash, TableSchema table) {
        String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|", 6);
        if (parts.length != 6 || !parts[0].equals(MAGIC)
            || !parts[1].equals(Integer.toString(statementHash))) {
            throw RequestException.illegalArgument("Invalid continuation key for this query");
        }
        try {
            List<FieldValue> key = null;
            if (!parts[5].isEmpty()) {
                ArrayValue a = FieldValue.createFromJson(parts[5], new JsonOptions().setNumericAsNumber(true)).asArray();
                key = new ArrayList<>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    FieldDef f = table.field(table.primaryKey().get(i)).orElseThrow();
                    key.add(ValueCoercion.coerce(f.type(), a.get(i)));
                }
            }
            return new Continuation(statementHash, Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                Long.parseLong(parts[4]), key);
        } catch (RuntimeException e) {
            throw RequestException.illegalArgument("Invalid continuation key for this query");
        }
    }
}
