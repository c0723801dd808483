package io.mrtck.reference.agent;

import java.util.Arrays;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Millisecond samples of one interval, summarised as the real statistics are: min, max, avg, count, p95, p99. */
final class LatencySamples {
    private long[] samples = new long[64];
    private int count;

    void add(long ms) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = Math.max(0, ms);
    }

    ObjectNode toJson() {
        long[] s = Arrays.copyOf(samples, count);
        Arrays.sort(s);
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        long sum = 0;
        for (long v : s) {
            sum += v;
        }
        n.put("avg", count == 0 ? 0 : sum / count);
        n.put("count", count);
        n.put("max", count == 0 ? 0 : s[count - 1]);
        n.put("min", count == 0 ? 0 : s[0]);
        n.put("percent95", quantile(s, 0.95));
        n.put("percent99", quantile(s, 0.99));
        return n;
    }

    private static long quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
