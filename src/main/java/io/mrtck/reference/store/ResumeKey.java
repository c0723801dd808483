package io.mrtck.reference.store;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.nson.NsonCodec;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.ValueCoercion;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;

/**
 * A primary key as opaque bytes handed to a client or an agent to resume a scan after it
 * (MultiDelete continuation keys, table-initialisation pages): NSON of the key values.
 */
public final class ResumeKey {
    private ResumeKey() {
    }

    public static byte[] encode(List<FieldValue> key) {
        ArrayValue a = new ArrayValue(key.size());
        key.forEach(a::add);
        return NsonCodec.encode(a);
    }

    /** The key values, checked against the table's key types; IllegalArgumentException if they do not fit. */
    public static List<FieldValue> decode(TableSchema table, byte[] bytes) {
        try {
            List<FieldValue> key = new ArrayList<>();
            int i = 0;
            for (FieldValue v : NsonCodec.decode(bytes).asArray()) {
                FieldDef def = table.field(table.primaryKey().get(i++)).orElseThrow();
                key.add(ValueCoercion.coerce(def.type(), v));
            }
            return key;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a resume key of table " + table.name(), e);
        }
    }
}
