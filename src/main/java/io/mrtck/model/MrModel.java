package io.mrtck.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An executable model of what the documentation promises for MR tables (MR-SEMANTICS.md,
 * docs/suite-behaviours.md): each region's rows as the writes made there leave them, and the
 * state replication must bring every region to — last writer wins on modification time with
 * the greater region name winning a tie, tombstones taking part like writes, MR counters as
 * PN-counters merged by per-region maximum, absolute expiration times travelling with rows.
 *
 * <p>The model is driven by the writes a workload makes ({@link #write}), told what the regions
 * showed ({@link #checkLocal}, {@link #checkConverged}) — which fixes the write times the client
 * could only bound — and asked to {@link #replicate}. Where the outcome depends on an order the
 * history cannot tell (a delete and a write in overlapping milliseconds), it keeps every
 * possible outcome and adopts the one the regions converge on.
 */
public final class MrModel {
    /** The origin of a key a restore did not bring back. */
    private static final String NOT_RESTORED = "(restore)";
    private final List<String> regions;
    private final Map<String, ModelTable> tables = new LinkedHashMap<>();
    /** region → table → key → its current version (tombstones included). */
    private final Map<String, Map<String, Map<String, Version>>> rows = new HashMap<>();
    /** table/key → the regions that wrote it since the last replication: only their last versions compete. */
    private final Map<String, Set<String>> writers = new HashMap<>();
    /** The possible converged versions of keys whose winner the history could not tell. */
    private final Map<String, List<Version>> alternatives = new HashMap<>();

    public MrModel(List<String> regions, List<ModelTable> tables) {
        this.regions = List.copyOf(regions);
        tables.forEach(this::addTable);
        regions.forEach(r -> rows.put(r, new HashMap<>()));
    }

    public void addTable(ModelTable t) {
        tables.put(t.name().toLowerCase(Locale.ROOT), t);
    }

    public ModelTable table(String name) {
        ModelTable t = tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("the model knows no table " + name + "; it knows " + tables.keySet());
        }
        return t;
    }

    public List<String> regions() {
        return regions;
    }

    /** The row of {@code key} in {@code region} (a tombstone too), null if never written there. */
    public Version current(String region, String table, String key) {
        return rowsOf(region, table).get(key);
    }

    /** The row of {@code key} in {@code region} if it is live at {@code now}, else null. */
    public Version live(String region, String table, String key, long now) {
        Version v = current(region, table, key);
        return v != null && v.liveAt(now) ? v : null;
    }

    /** Every key any region has a version of (tombstones included), sorted. */
    public Set<String> keys(String table) {
        Set<String> out = new TreeSet<>();
        regions.forEach(r -> out.addAll(rowsOf(r, table).keySet()));
        return out;
    }

    /**
     * Applies {@code w} as made in {@code region} between {@code earliest} and {@code latest} on
     * that region's clock, and returns whether the documented semantics make it happen (a
     * conditional put whose condition fails, an update or delete of a missing row do nothing).
     */
    public boolean write(String region, Write w, long earliest, long latest) {
        if (w instanceof Write.Batch b) {
            return batch(region, b, earliest, latest);
        }
        if (w instanceof Write.MultiDelete m) {
            return multiDelete(region, m, earliest, latest);
        }
        return single(region, w, earliest, latest);
    }

    private boolean single(String region, Write w, long lo, long hi) {
        ModelTable t = table(w.table());
        Map<String, Version> in = rowsOf(region, t.name());
        if (w instanceof Write.Put p) {
            String key = RowValues.key(t, p.row());
            Version cur = live(region, t.name(), key, lo);
            boolean applies = switch (p.condition()) {
                case ALWAYS -> true;
                case IF_ABSENT -> cur == null;
                case IF_PRESENT -> cur != null;
                case IF_VERSION -> cur != null && cur == p.expected();
            };
            if (applies) {
                Expiry expiry = p.ttl() != null ? Expiry.after(p.ttl(), lo, hi)
                    : cur != null && !p.tableDefaultTtl() ? cur.expiry()
                    : t.defaultTtl() != null ? Expiry.after(t.defaultTtl(), lo, hi) : Expiry.NEVER;
                in.put(key, new Version(RowValues.withoutCounters(t, p.row()), cur == null ? Map.of() : cur.counters(),
                    lo, hi, expiry, region, false));
                wrote(region, t, key);
            }
            return applies;
        }
        if (w instanceof Write.Delete d) {
            String key = RowValues.key(t, d.key());
            Version cur = live(region, t.name(), key, lo);
            boolean applies = cur != null && (d.condition() != Write.Condition.IF_VERSION || cur == d.expected());
            if (applies) {
                in.put(key, tombstone(region, lo, hi));
                wrote(region, t, key);
            }
            return applies;
        }
        if (w instanceof Write.Update u) {
            String key = RowValues.key(t, u.key());
            Version cur = live(region, t.name(), key, lo);
            if (cur == null) {
                return false;
            }
            ObjectNode value = cur.value().deepCopy();
            Map<String, Pn> counters = new TreeMap<>(cur.counters());
            Expiry expiry = cur.expiry();
            for (Write.Clause c : u.clauses()) {
                if (c instanceof Write.Increment i) {
                    counters.put(i.path(),
                        counters.getOrDefault(i.path(), Pn.ZERO).add(region.toUpperCase(Locale.ROOT), i.delta()));
                } else if (c instanceof Write.SetTtl s) {
                    expiry = s.ttl() != null ? Expiry.after(s.ttl(), lo, hi)
                        : t.defaultTtl() != null ? Expiry.after(t.defaultTtl(), lo, hi) : Expiry.NEVER;
                } else {
                    RowValues.apply(c, value);
                }
            }
            in.put(key, new Version(value, counters, lo, hi, expiry, region, false));
            wrote(region, t, key);
            return true;
        }
        throw new IllegalArgumentException("not a single-row write: " + w);
    }

    /** All or nothing: a conditional put in the batch that does not apply undoes the others. */
    private boolean batch(String region, Write.Batch b, long lo, long hi) {
        Map<String, Version> in = rowsOf(region, b.table());
        Map<String, Version> before = new HashMap<>(in);
        for (Write w : b.writes()) {
            boolean applied = single(region, w, lo, hi);
            if (!applied && w instanceof Write.Put p && p.condition() != Write.Condition.ALWAYS) {
                in.clear();
                in.putAll(before);
                return false;
            }
        }
        return true;
    }

    private boolean multiDelete(String region, Write.MultiDelete m, long lo, long hi) {
        ModelTable t = table(m.table());
        Map<String, Version> in = rowsOf(region, t.name());
        boolean any = false;
        for (Map.Entry<String, Version> e : in.entrySet()) {
            if (e.getValue().liveAt(lo) && sameShard(t, e.getValue().value(), m.shardKey())) {
                e.setValue(tombstone(region, lo, hi));
                wrote(region, t, e.getKey());
                any = true;
            }
        }
        return any;
    }

    private void wrote(String region, ModelTable t, String key) {
        writers.computeIfAbsent(t.name().toLowerCase(Locale.ROOT) + "/" + key, k -> new java.util.HashSet<>()).add(region);
    }

    private static boolean sameShard(ModelTable t, ObjectNode row, ObjectNode shardKey) {
        return t.shardKey().stream().allMatch(c -> row.get(c).equals(shardKey.get(c)));
    }

    private static Version tombstone(String region, long lo, long hi) {
        return new Version(null, Map.of(), lo, hi, Expiry.NEVER, region, true);
    }

    /**
     * Compares what {@code region} shows of a key with the model's row there (its own writes
     * and what reached it), and takes the times the region showed as the write's.
     */
    public List<Disagreement> checkLocal(String region, String table, String key, Shown shown, long now) {
        ModelTable t = table(table);
        Version v = current(region, t.name(), key);
        List<Disagreement> out = compare(region, t, key, v, shown, now);
        if (v != null && shown.present() && !v.tombstone()) {
            rowsOf(region, t.name()).put(key, v.shown(shown.modificationTime(), shown.expirationTime()));
        }
        return out;
    }

    /**
     * Replication, as the agents must do it once every region has caught up: every region ends
     * with the winning version of each key, its counters merged with every version still live at
     * {@code now} (an expired row is no row: nothing of it merges).
     */
    public void replicate(long now) {
        alternatives.clear();
        try {
            replicateWrites(now);
        } finally {
            writers.clear();
        }
    }

    private void replicateWrites(long now) {
        for (ModelTable t : tables.values()) {
            for (String key : keys(t.name())) {
                Set<String> wrote = writers.getOrDefault(t.name().toLowerCase(Locale.ROOT) + "/" + key, Set.of());
                if (wrote.isEmpty()) {
                    continue; // every region holds the same version already
                }
                // each region ends with the others' streams applied to its own last version: the
                // writers' last versions compete; an older version replaced in its region does not
                List<Version> candidates = new ArrayList<>();
                for (String r : wrote) {
                    Version v = current(r, t.name(), key);
                    if (candidates.stream().noneMatch(c -> c == v)) {
                        candidates.add(v);
                    }
                }
                List<Version> outcomes = new ArrayList<>();
                for (Version c : candidates) {
                    if (candidates.stream().noneMatch(d -> d != c && beats(d, c))) {
                        outcomes.add(merged(c, candidates, now));
                    }
                }
                if (outcomes.isEmpty()) {
                    throw new IllegalStateException("no winner among " + candidates + " for " + t.name() + " " + key);
                }
                regions.forEach(r -> rowsOf(r, t.name()).put(key, outcomes.get(0)));
                if (outcomes.size() > 1) {
                    alternatives.put(t.name() + "/" + key, outcomes);
                }
            }
        }
    }

    /**
     * A restore of a backup of {@code table} taken from the converged state (the workshop's
     * procedure: the table re-created in every region, the rows imported in {@code into} between
     * {@code earliest} and {@code latest}): every row live at {@code now} comes back with its value,
     * its counters' values and its absolute expiration time; rows expired since, and tombstones, do not.
     */
    public void restore(String table, String into, long earliest, long latest, long now) {
        ModelTable t = table(table);
        Map<String, Version> restored = new TreeMap<>();
        rowsOf(regions.get(0), t.name()).forEach((key, v) -> {
            if (!v.liveAt(now)) {
                // gone from the re-created table: a tombstone only for the message ("not restored")
                restored.put(key, new Version(null, Map.of(), earliest, latest, Expiry.NEVER, NOT_RESTORED, true));
            } else {
                Map<String, Pn> counters = new TreeMap<>();
                v.counters().forEach((path, pn) -> counters.put(path, Pn.ZERO.add(into.toUpperCase(Locale.ROOT), pn.value())));
                restored.put(key, new Version(v.value(), counters, earliest, latest, v.expiry(), into, false));
            }
        });
        for (String r : regions) {
            Map<String, Version> in = rowsOf(r, t.name());
            in.clear();
            in.putAll(restored);
        }
        alternatives.keySet().removeIf(k -> k.startsWith(t.name() + "/"));
        writers.keySet().removeIf(k -> k.startsWith(t.name().toLowerCase(Locale.ROOT) + "/"));
    }

    /**
     * Schema evolution: {@code column} added to the table in every region (ALTER TABLE … ADD);
     * every existing row reads it as NULL, in every region.
     */
    public void addColumn(ModelTable evolved, String column) {
        addTable(evolved);
        for (String r : regions) {
            rowsOf(r, evolved.name()).replaceAll((key, v) -> v.value() == null ? v
                : new Version(withNull(v.value(), column), v.counters(), v.earliest(), v.latest(), v.expiry(),
                    v.origin(), v.tombstone()));
        }
    }

    private static ObjectNode withNull(ObjectNode value, String column) {
        ObjectNode out = value.deepCopy();
        out.putNull(column);
        return out;
    }

    /** Whether {@code a} certainly wins over {@code b} by last-writer-wins and the tie rule. */
    static boolean beats(Version a, Version b) {
        if (a.earliest() > b.latest()) {
            return true;
        }
        if (a.timeKnown() && b.timeKnown() && a.earliest() == b.earliest()) {
            return a.origin().compareToIgnoreCase(b.origin()) > 0;
        }
        return false;
    }

    private static Version merged(Version winner, List<Version> all, long now) {
        if (winner.tombstone()) {
            return winner;
        }
        Map<String, Pn> counters = new TreeMap<>(winner.counters());
        for (Version v : all) {
            if (v == winner || v.liveAt(now)) {
                v.counters().forEach((path, pn) -> counters.merge(path, pn, Pn::merge));
            }
        }
        return winner.withCounters(counters);
    }

    /**
     * Compares every region's converged row of a key with the model's. Where the model allowed
     * several outcomes, the one the first region shows is adopted if it is one of them.
     */
    public List<Disagreement> checkConverged(String table, String key, Map<String, Shown> byRegion, long now) {
        ModelTable t = table(table);
        List<Version> options = alternatives.getOrDefault(t.name() + "/" + key,
            java.util.Collections.singletonList(current(regions.get(0), t.name(), key)));
        List<Disagreement> best = null;
        for (Version option : options) {
            List<Disagreement> d = new ArrayList<>();
            byRegion.forEach((region, shown) -> d.addAll(compare(region, t, key, option, shown, now)));
            if (best == null || d.size() < best.size()) {
                best = d;
                Version adopted = option;
                Shown first = byRegion.values().iterator().next();
                Version fixed = adopted != null && first.present() && !adopted.tombstone()
                    ? adopted.shown(first.modificationTime(), first.expirationTime()) : adopted;
                if (fixed != null) {
                    regions.forEach(r -> rowsOf(r, t.name()).put(key, fixed));
                }
            }
            if (d.isEmpty()) {
                break;
            }
        }
        alternatives.remove(t.name() + "/" + key);
        return best;
    }

    private List<Disagreement> compare(String region, ModelTable t, String key, Version v, Shown shown, long now) {
        List<Disagreement> out = new ArrayList<>();
        boolean expected = v != null && v.liveAt(now);
        if (v != null && !v.tombstone() && v.expiry().earliest() > 0 && v.expiry().earliest() <= now
                && v.expiry().latest() > now) {
            return out; // expires about now: either is right
        }
        if (expected != shown.present()) {
            out.add(new Disagreement(region, t.name(), key, "presence",
                expected ? "a row " + describe(t, v) : absentBecause(v), shown.toString()));
            return out;
        }
        if (!expected) {
            return out;
        }
        // counters are compared one by one below, the rest of the row here
        JsonNode want = RowValues.normalized(v.value());
        JsonNode got = RowValues.normalized(RowValues.withoutCounters(t, (ObjectNode) shown.value()));
        if (!want.equals(got)) {
            out.add(new Disagreement(region, t.name(), key, "value", want.toString(), got.toString()));
        }
        for (String path : t.counterPaths()) {
            long wantCount = v.counters().getOrDefault(path, Pn.ZERO).value();
            JsonNode gotCount = at(shown.value(), path);
            if (gotCount == null || gotCount.asLong() != wantCount || !gotCount.isIntegralNumber()) {
                out.add(new Disagreement(region, t.name(), key, "counter " + path,
                    wantCount + " " + v.counters().getOrDefault(path, Pn.ZERO), String.valueOf(gotCount)));
            }
        }
        long mod = shown.modificationTime();
        if (mod < v.earliest() || mod > v.latest()) {
            out.add(new Disagreement(region, t.name(), key, "modification time",
                v.timeKnown() ? Long.toString(v.earliest()) : "between " + v.earliest() + " and " + v.latest(),
                Long.toString(mod)));
        }
        Expiry expiry = v.timeKnown() ? v.expiry() : v.expiryIfWrittenAt(Math.max(v.earliest(), Math.min(mod, v.latest())));
        if (!expiry.allows(shown.expirationTime())) {
            out.add(new Disagreement(region, t.name(), key, "expiration time", expiry.toString(),
                Long.toString(shown.expirationTime())));
        }
        return out;
    }

    private static JsonNode at(JsonNode row, String path) {
        JsonNode n = row;
        for (String p : path.split("\\.")) {
            n = n == null ? null : n.get(p);
        }
        return n;
    }

    private String describe(ModelTable t, Version v) {
        return RowValues.rendered(t, v.value(), v.counters()) + " (written " + (v.timeKnown() ? "at " + v.earliest()
            : "between " + v.earliest() + " and " + v.latest()) + " in " + v.origin() + ", expires " + v.expiry() + ")";
    }

    private static String absentBecause(Version v) {
        if (v != null && NOT_RESTORED.equals(v.origin())) {
            return "no row (deleted or expired before the restore: not in the re-created table)";
        }
        return v == null ? "no row (never written)" : v.tombstone()
            ? "no row (deleted in " + v.origin() + " at " + v.earliest() + (v.timeKnown() ? "" : ".." + v.latest()) + ")"
            : "no row (expired at " + v.expiry() + ")";
    }

    private Map<String, Version> rowsOf(String region, String table) {
        Map<String, Map<String, Version>> byTable = rows.get(region);
        if (byTable == null) {
            throw new IllegalArgumentException("the model knows no region " + region + "; it knows " + regions);
        }
        return byTable.computeIfAbsent(table.toLowerCase(Locale.ROOT), k -> new TreeMap<>());
    }
}
