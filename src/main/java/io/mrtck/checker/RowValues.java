package io.mrtck.checker;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rows as the invariants compare them: canonical JSON text (object members sorted) with the MR
 * counters removed, since counters merge as CRDTs and INV-CTR judges them on their own.
 */
final class RowValues {
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RowValues() {
    }

    /** The row without its counters, as canonical JSON; null for no row. Texts that do not parse stay as they are. */
    static String withoutCounters(String row, List<String> counters) {
        if (row == null) {
            return null;
        }
        JsonNode node = parse(row);
        if (node == null) {
            return row;
        }
        for (String path : counters) {
            remove(node, path);
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            // a NULL column reads like a column added to the table after the row was written
            object.properties().removeIf(e -> e.getValue().isNull());
        }
        StringBuilder out = new StringBuilder(row.length());
        writeCanonical(node, out);
        return out.toString();
    }

    /** Whether two rows are the same once counters are removed (fast path: equal texts and no counters). */
    static boolean same(String a, String b, List<String> counters) {
        if (counters.isEmpty() && a != null && a.equals(b)) {
            return true;
        }
        String ca = withoutCounters(a, counters);
        return ca == null ? b == null : ca.equals(withoutCounters(b, counters));
    }

    /** The counter at a column or JSON path ("cnt", "doc.hits"); zero when the row lacks it. */
    static BigDecimal counter(String row, String path) {
        JsonNode node = parse(row);
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node != null && node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void remove(JsonNode node, String path) {
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1 && node != null; i++) {
            node = node.get(steps[i]);
        }
        if (node instanceof ObjectNode object) {
            object.remove(steps[steps.length - 1]);
        }
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.append(first ? "" : ",").append(JSON.getNodeFactory().textNode(e.getKey())).append(':');
                writeCanonical(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeCanonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
