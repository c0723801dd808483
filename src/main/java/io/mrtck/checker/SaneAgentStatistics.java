package io.mrtck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.history.Op;

/**
 * INV-STATS: in every statistics sample no lag or latency figure is negative, and a remote region's
 * {@code lastModificationMs} is never later than the latest write made in that region up to the
 * sample (the later of its completion and its modification time, over the writes invoked before
 * the sample completed). Finds every {@code regionStat} object in the sample, so both the whole
 * admin answer and the bare statistics object are understood.
 */
final class SaneAgentStatistics implements Invariant {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIGURES = List.of("laggingMs", "latencyMs");

    @Override
    public String code() {
        return "INV-STATS";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        if (history.stats().isEmpty()) {
            return out;
        }
        Map<String, LatestWrites> writes = latestWrites(history.ops());
        for (Op sample : history.stats()) {
            JsonNode root;
            try {
                root = JSON.readTree(sample.note() == null ? "" : sample.note());
            } catch (JsonProcessingException e) {
                out.add(new Violation(code(), null, null, List.of(sample.index()), "statistics sample #"
                    + sample.index() + " of " + sample.region() + " is not JSON: " + e.getOriginalMessage()));
                continue;
            }
            for (JsonNode regionStat : root == null ? List.<JsonNode>of() : root.findValues("regionStat")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = regionStat.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> remote = it.next();
                    checkRemote(sample, remote.getKey(), remote.getValue(), writes, out);
                }
            }
        }
        return out;
    }

    private void checkRemote(Op sample, String remote, JsonNode stat, Map<String, LatestWrites> writes,
                             List<Violation> out) {
        String where = "statistics sample #" + sample.index() + " of agent in " + sample.region() + ", remote " + remote;
        for (String figure : FIGURES) {
            JsonNode values = stat.get(figure);
            if (values == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                if (v.getValue().isNumber() && v.getValue().asDouble() < 0) {
                    out.add(new Violation(code(), null, null, List.of(sample.index()), where + ": " + figure + "."
                        + v.getKey() + " is negative (" + v.getValue().asText() + ")."));
                }
            }
        }
        JsonNode lastMod = stat.get("lastModificationMs");
        if (lastMod == null || !lastMod.isNumber() || lastMod.asLong() <= 0) {
            return;
        }
        LatestWrites region = writes.get(remote.toUpperCase(Locale.ROOT));
        Op latest = region == null ? null : region.latestInvokedBefore(sample.completeMs());
        long latestMs = latest == null ? Long.MIN_VALUE : writeTime(latest);
        if (lastMod.asLong() > latestMs) {
            List<Long> ops = latest == null ? List.of(sample.index()) : List.of(latest.index(), sample.index());
            out.add(new Violation(code(), null, null, ops, where + ": lastModificationMs " + lastMod.asLong()
                + " is later than the latest write made in " + remote + " by then ("
                + (latest == null ? "none in the history" : KeyStory.item(latest) + ", at " + latestMs) + ")."));
        }
    }

    private static long writeTime(Op w) {
        return w.modificationTime() == null ? w.completeMs() : Math.max(w.completeMs(), w.modificationTime());
    }

    private static Map<String, LatestWrites> latestWrites(List<Op> ops) {
        Map<String, List<Op>> byRegion = new HashMap<>();
        for (Op op : ops) {
            if (op.kind().isWrite() && op.mayHaveTakenEffect() && op.region() != null) {
                byRegion.computeIfAbsent(op.region().toUpperCase(Locale.ROOT), r -> new ArrayList<>()).add(op);
            }
        }
        Map<String, LatestWrites> out = new TreeMap<>();
        byRegion.forEach((region, writes) -> out.put(region, new LatestWrites(writes)));
        return out;
    }

    /** A region's writes by invocation time, with the running latest write time, for binary search. */
    private static final class LatestWrites {
        private final long[] invoked;
        private final Op[] latest;

        LatestWrites(List<Op> writes) {
            Op[] sorted = writes.toArray(Op[]::new);
            Arrays.sort(sorted, (a, b) -> Long.compare(a.invokeMs(), b.invokeMs()));
            invoked = new long[sorted.length];
            latest = new Op[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                invoked[i] = sorted[i].invokeMs();
                latest[i] = i > 0 && writeTime(latest[i - 1]) >= writeTime(sorted[i]) ? latest[i - 1] : sorted[i];
            }
        }

        /** The write with the latest time among those invoked strictly before {@code ms}, or null. */
        Op latestInvokedBefore(long ms) {
            int lo = 0;
            int hi = invoked.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (invoked[mid] < ms) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : latest[lo - 1];
        }
    }
}
