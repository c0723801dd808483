package io.mrtck.reference.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each reader of the change log has got: the position it last read after, which it
 * has applied and checkpointed in its own region. The log may lose what every reader of every
 * remote region has passed; a reader that is paused or down keeps its position, so nothing it
 * has not applied goes.
 */
final class ChangeLogReaders {
    private final Map<ChangeLogReader, Long> positions = new ConcurrentHashMap<>();

    /** @param saved the positions a previous run kept (a reader that is down still counts) */
    ChangeLogReaders(Map<ChangeLogReader, Long> saved) {
        positions.putAll(saved);
    }

    void passed(ChangeLogReader reader, long position) {
        positions.put(reader, position);
    }

    Map<ChangeLogReader, Long> positions() {
        return Map.copyOf(positions);
    }

    /**
     * The position every reader in {@code positions} has passed, provided each of
     * {@code remoteRegions} has a whole group of readers (agents 0..n-1 of its largest group
     * size): empty while some remote region has not read yet, since its agents would need the
     * whole log. A region that is no longer known does not hold the log back; a reader of a
     * former group size still does (it may come back).
     */
    static OptionalLong passedByAll(Map<ChangeLogReader, Long> positions, Collection<String> remoteRegions) {
        if (remoteRegions.isEmpty()) {
            return OptionalLong.empty();
        }
        long through = Long.MAX_VALUE;
        for (String region : remoteRegions) {
            List<Map.Entry<ChangeLogReader, Long>> readers = positions.entrySet().stream()
                .filter(e -> e.getKey().region().equalsIgnoreCase(region)).toList();
            int group = readers.stream().mapToInt(e -> e.getKey().groupSize()).max().orElse(0);
            long agents = readers.stream().filter(e -> e.getKey().groupSize() == group)
                .map(e -> e.getKey().agentId()).distinct().count();
            if (group == 0 || agents < group) {
                return OptionalLong.empty();
            }
            for (Map.Entry<ChangeLogReader, Long> e : readers) {
                through = Math.min(through, e.getValue());
            }
        }
        return OptionalLong.of(through);
    }
}
