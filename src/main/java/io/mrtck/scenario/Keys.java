package io.mrtck.scenario;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The key numbers a step works on, written {@code 0-499} (inclusive), as a list, or as one
 * number. A table shape turns each number into a primary key.
 */
public record Keys(List<Integer> numbers) {

    public Keys {
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no keys");
        }
    }

    public static Keys range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(n);
        }
        return new Keys(out);
    }

    static Keys parse(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("keys missing (write 0-499, a list, or one number)");
        }
        if (node.isInt()) {
            return new Keys(List.of(node.asInt()));
        }
        if (node.isArray()) {
            List<Integer> out = new ArrayList<>();
            node.forEach(n -> {
                if (!n.isInt()) {
                    throw new IllegalArgumentException("key " + n + " is not a whole number");
                }
                out.add(n.asInt());
            });
            return new Keys(out);
        }
        String text = node.asText().strip();
        String[] parts = text.split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                int from = Integer.parseInt(parts[0]);
                int to = Integer.parseInt(parts[1]);
                if (to < from) {
                    throw new IllegalArgumentException("key range " + text + " ends before it starts");
                }
                return range(from, to);
            }
            return new Keys(List.of(Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("keys '" + text + "' are not a range like 0-499, a list or a number");
        }
    }

    int size() {
        return numbers.size();
    }

    /** The first {@code n} numbers. */
    Keys first(int n) {
        return new Keys(numbers.subList(0, Math.max(1, Math.min(n, numbers.size()))));
    }

    JsonNode toNode() {
        int from = numbers.get(0);
        boolean contiguous = true;
        for (int i = 0; i < numbers.size(); i++) {
            contiguous &= numbers.get(i) == from + i;
        }
        if (numbers.size() == 1) {
            return JsonNodeFactory.instance.numberNode(from);
        }
        if (contiguous) {
            return JsonNodeFactory.instance.textNode(from + "-" + numbers.get(numbers.size() - 1));
        }
        var array = JsonNodeFactory.instance.arrayNode();
        numbers.forEach(array::add);
        return array;
    }

    @Override
    public String toString() {
        return toNode().asText().isEmpty() ? toNode().toString() : toNode().asText();
    }
}
