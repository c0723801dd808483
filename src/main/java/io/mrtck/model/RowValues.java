package io.mrtck.model;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Row values of the model as JSON trees: the primary key of a row, a row without its counters,
 * a row with its counters' values put back, and the UPDATE clauses' effect on a row. Numbers
 * are compared after a round trip through JSON text, so an INTEGER 5 equals a LONG 5.
 */
public final class RowValues {
    public static final ObjectMapper JSON = new ObjectMapper();

    private RowValues() {
    }

    /** The row's primary key, columns in key order, as JSON text (the model's and the history's key). */
    public static String key(ModelTable t, ObjectNode row) {
        ObjectNode k = JSON.createObjectNode();
        t.primaryKey().forEach(c -> k.set(c, row.get(c)));
        return k.toString();
    }

    public static ObjectNode withoutCounters(ModelTable t, ObjectNode row) {
        ObjectNode out = row.deepCopy();
        for (String path : t.counterPaths()) {
            String[] p = path.split("\\.");
            if (p.length == 1) {
                out.remove(p[0]);
            } else if (out.get(p[0]) instanceof ObjectNode doc) {
                doc.remove(p[1]);
            }
        }
        return out;
    }

    /** The row as a read returns it: the value with each counter's current value at its path. */
    public static JsonNode rendered(ModelTable t, ObjectNode value, Map<String, Pn> counters) {
        ObjectNode out = value.deepCopy();
        for (String path : t.counterPaths()) {
            long v = counters.getOrDefault(path, Pn.ZERO).value();
            String[] p = path.split("\\.");
            if (p.length == 1) {
                out.put(p[0], v);
            } else if (out.get(p[0]) instanceof ObjectNode doc) {
                doc.put(p[1], v);
            }
        }
        return normalized(out);
    }

    /** The same JSON value with numbers typed as a parser of its text types them. */
    public static JsonNode normalized(JsonNode node) {
        try {
            return JSON.readTree(node.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies one non-counter, non-TTL UPDATE clause to {@code row} in place. */
    static void apply(Write.Clause clause, ObjectNode row) {
        if (clause instanceof Write.Set s) {
            String[] p = s.path().split("\\.");
            if (p.length == 1) {
                row.set(p[0], s.value());
            } else if (row.get(p[0]) instanceof ObjectNode doc && doc.has(p[1])) {
                doc.set(p[1], s.value()); // SET changes an existing field only
            }
        } else if (clause instanceof Write.PutFields f) {
            if (row.get(f.path()) instanceof ObjectNode doc) {
                doc.setAll(f.fields().deepCopy());
            }
        } else if (clause instanceof Write.Remove r) {
            String[] p = r.path().split("\\.");
            if (row.get(p[0]) instanceof ObjectNode doc) {
                doc.remove(p[1]);
            }
        } else if (clause instanceof Write.Append a) {
            String[] p = a.path().split("\\.");
            if (row.get(p[0]) instanceof ObjectNode doc && doc.get(p[1]) instanceof ArrayNode arr) {
                arr.add(a.value());
            }
        } else {
            throw new IllegalArgumentException("not a value clause: " + clause);
        }
    }
}
