package io.mrtck.backup.freshest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one region's agent statistics ({@code show mrtable-agent-statistics -agent 0 -json}, the
 * latest interval) say of how far the region is behind the others: per remote stream {@code
 * laggingMs} and {@code lastMessageMs}, summed up as the worst stream. Statistics older than two
 * intervals (or none) leave the region out. A silent stream — no message at all in the interval:
 * the agent is not reading it, its lag is unknown — counts as lagging by its silence.
 */
public record RegionLag(String region, String problem, long endMs, long intervalMs, long laggingMax, long laggingAvg,
                        long laggingP95, long lastMessageAgeMs, List<String> silentStreams) {

    public RegionLag {
        silentStreams = List.copyOf(silentStreams);
    }

    /** A region that cannot be judged, and why. */
    static RegionLag unusable(String region, String problem) {
        return new RegionLag(region, problem, 0, 0, 0, 0, 0, 0, List.of());
    }

    /**
     * @param entry the {@code returnValue} entry of the agent ({@code {"timestamp", "statistics"}})
     * @param nowMs this machine's time, to tell how old the statistics are
     */
    static RegionLag of(String region, JsonNode entry, long nowMs) {
        JsonNode s = entry.path("statistics");
        long end = s.path("endMs").asLong(entry.path("timestamp").asLong());
        long interval = s.path("intervalMs").asLong();
        long begin = s.path("beginMs").asLong(end - interval);
        long max = 0;
        long avg = 0;
        long p95 = 0;
        long oldestMessage = end;
        List<String> silent = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("regionStat").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> stream = it.next();
            JsonNode lag = stream.getValue().path("laggingMs");
            max = Math.max(max, lag.path("max").asLong());
            avg = Math.max(avg, lag.path("avg").asLong());
            p95 = Math.max(p95, lag.path("percent95").asLong());
            long lastMessage = stream.getValue().path("lastMessageMs").asLong();
            oldestMessage = Math.min(oldestMessage, lastMessage);
            if (lastMessage < begin) {
                silent.add(stream.getKey());
            }
        }
        String problem = nowMs - end <= 2 * interval ? null
            : "statistics older than two intervals: the latest ended " + seconds(nowMs - end) + " ago (interval "
                + seconds(interval) + "); is its agent stopped or paused?";
        return new RegionLag(region, problem, end, interval, max, avg, p95, end - oldestMessage, silent);
    }

    /** Recent statistics: the region can be compared. */
    public boolean usable() {
        return problem == null;
    }

    /** How far behind the region is: its largest {@code laggingMs.max}, or a silent stream's silence if longer. */
    public long effectiveLag() {
        return silentStreams.isEmpty() ? laggingMax : Math.max(laggingMax, lastMessageAgeMs);
    }

    /** What the statistics say, for the table. */
    String remark() {
        if (problem != null) {
            return problem;
        }
        String interval = "interval " + seconds(intervalMs);
        return silentStreams.isEmpty() ? interval
            : interval + "; no message from " + silentStreams + " in it: its agent is not reading them";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
