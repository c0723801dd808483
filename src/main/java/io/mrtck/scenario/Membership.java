package io.mrtck.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which region has which scenario table, and which regions its IN REGIONS list names there: two
 * regions replicate a table only when each has it and names the other. Quiesce and checks look at
 * replicating regions only; a table dropped from a region's list is left to {@code expect} steps.
 */
final class Membership {
    private final List<String> regions;
    /** table (lower case) → region → the regions its IN REGIONS list names there. */
    private final Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();

    Membership(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    void created(String table, String region, List<String> in) {
        tables.computeIfAbsent(key(table), t -> new LinkedHashMap<>()).put(region, List.copyOf(in));
    }

    void dropped(String table, String region) {
        tables.getOrDefault(key(table), new LinkedHashMap<>()).remove(region);
    }

    void regionsChanged(String table, String region, List<String> changed, boolean add) {
        List<String> in = new ArrayList<>(tables.getOrDefault(key(table), Map.of()).getOrDefault(region, List.of()));
        if (add) {
            changed.stream().filter(r -> !in.contains(r)).forEach(in::add);
        } else {
            in.removeAll(changed);
        }
        tables.computeIfAbsent(key(table), t -> new LinkedHashMap<>()).put(region, in);
    }

    boolean exists(String table, String region) {
        return tables.getOrDefault(key(table), Map.of()).containsKey(region);
    }

    boolean existsAnywhere(String table) {
        return !tables.getOrDefault(key(table), Map.of()).isEmpty();
    }

    boolean replicate(String table, String a, String b) {
        Map<String, List<String>> t = tables.getOrDefault(key(table), Map.of());
        return t.containsKey(a) && t.containsKey(b) && t.get(a).contains(b) && t.get(b).contains(a);
    }

    /** Every region has the table and replicates it with every other. */
    boolean fullyLinked(String table) {
        for (String a : regions) {
            for (String b : regions) {
                if (!a.equals(b) && !replicate(table, a, b)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The pairs of regions that replicate the table, or every region at once when all do. */
    List<List<String>> replicatingGroups(String table) {
        if (fullyLinked(table)) {
            return List.of(regions);
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                if (replicate(table, regions.get(i), regions.get(j))) {
                    out.add(List.of(regions.get(i), regions.get(j)));
                }
            }
        }
        return out;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
