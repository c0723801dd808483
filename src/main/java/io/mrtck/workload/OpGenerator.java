package io.mrtck.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.model.ModelTable;
import io.mrtck.model.MrModel;
import io.mrtck.model.RowValues;
import io.mrtck.model.Ttl;
import io.mrtck.model.Version;
import io.mrtck.model.Write;

/**
 * Random writes from a seed, chosen with the model's view of the region they go to (an UPDATE
 * of a JSON field picks a field the row has). Within a round it keeps to what the documentation
 * decides: while clocks stand still a key is written at most once per region (two versions of
 * one region with one timestamp are not ordered by any documented rule), and a counter row
 * deleted in one region is not written in another in the same round (a delete concurrent with
 * an increment is "to verify" in MR-SEMANTICS.md).
 */
final class OpGenerator {
    /** One write to make: where, what, and whether to send it as SQL or first read the row's version. */
    record Step(String region, ModelTable table, Write write, boolean sql, boolean readVersionFirst) {
    }

    private final SplittableRandom random;
    private final MrModel model;
    private final int keys;
    private final Set<String> writtenWhileFrozen = new HashSet<>();
    private final Map<String, Set<String>> counterRowWriters = new HashMap<>();
    private final Map<String, String> counterRowDeletedIn = new HashMap<>();

    /** Whether to make writes whose effect only the reference has shown (docs/suite-behaviours.md). */
    private final boolean referenceOnly;

    OpGenerator(SplittableRandom random, MrModel model, int keys, boolean referenceOnly) {
        this.random = random;
        this.model = model;
        this.keys = keys;
        this.referenceOnly = referenceOnly;
    }

    void newRound() {
        writtenWhileFrozen.clear();
        counterRowWriters.clear();
        counterRowDeletedIn.clear();
    }

    /** A write in one of {@code regions} to one of {@code tables}; null when the chosen one is not allowed now. */
    Step next(List<String> regions, List<ModelTable> tables, boolean frozen, long now) {
        String region = regions.get(random.nextInt(regions.size()));
        ModelTable t = tables.get(random.nextInt(tables.size()));
        boolean sharded = t.shardKeySize() > 0 && t.shardKeySize() < t.primaryKey().size();
        boolean counters = !t.counterPaths().isEmpty();
        ObjectNode key = key(t);
        String k = RowValues.key(t, key);
        if (counters && counterRowDeletedIn.containsKey(k)) {
            region = counterRowDeletedIn.get(k);
        }
        Version live = model.live(region, t.name(), k, now);
        Write w;
        int dice = random.nextInt(100);
        boolean readFirst = false;
        if (sharded && dice < 10) {
            w = batch(t, key);
        } else if (sharded && dice < 13) {
            ObjectNode shard = RowValues.JSON.createObjectNode();
            t.shardKey().forEach(c -> shard.set(c, key.get(c)));
            w = new Write.MultiDelete(t.name(), shard);
        } else if (dice < 35) {
            Ttl ttl = ttl();
            // the SDK takes either a TTL or "use the table default", not both
            w = new Write.Put(t.name(), row(t, key), Write.Condition.ALWAYS, null, ttl,
                sharded && ttl == null && random.nextInt(4) == 0);
        } else if (dice < 43) {
            w = new Write.Put(t.name(), row(t, key), Write.Condition.IF_ABSENT, null, ttl(), false);
        } else if (dice < 48) {
            w = new Write.Put(t.name(), row(t, key), Write.Condition.IF_PRESENT, null, null, false);
        } else if (dice < 53) {
            if (live == null) {
                return null; // a version to match needs a row
            }
            w = new Write.Put(t.name(), row(t, key), Write.Condition.IF_VERSION, live, null, false);
            readFirst = true;
        } else if (dice < 61) {
            if (counters && writtenElsewhere(k, region)) {
                return null;
            }
            w = new Write.Delete(t.name(), key, Write.Condition.ALWAYS, null);
        } else if (dice < 64) {
            if (live == null) {
                return null;
            }
            if (counters && writtenElsewhere(k, region)) {
                return null;
            }
            w = new Write.Delete(t.name(), key, Write.Condition.IF_VERSION, live);
            readFirst = true;
        } else if (dice < 70) {
            w = new Write.Update(t.name(), key, List.of(new Write.SetTtl(random.nextInt(3) == 0 ? null : someTtl())));
        } else if (counters && dice < 85) {
            String path = t.counterPaths().get(random.nextInt(t.counterPaths().size()));
            long delta = random.nextInt(9) - 3;
            w = new Write.Update(t.name(), key, List.of(new Write.Increment(path, delta == 0 ? 7 : delta)));
        } else {
            w = new Write.Update(t.name(), key, valueClauses(t, live));
        }
        String where = region;
        if (!referenceOnly && counters && live != null && w instanceof Write.Put p
                && p.condition() != Write.Condition.IF_ABSENT) {
            return null; // a put over a row with counters keeps their values: seen on the reference only
        }
        Set<String> touched = keysOf(t, w);
        if (frozen && touched.stream().anyMatch(x -> writtenWhileFrozen.contains(where + x))) {
            return null;
        }
        if (frozen) {
            touched.forEach(x -> writtenWhileFrozen.add(where + x));
        }
        if (counters) {
            counterRowWriters.computeIfAbsent(k, x -> new HashSet<>()).add(region);
            if (w instanceof Write.Delete) {
                counterRowDeletedIn.put(k, region);
            }
        }
        return new Step(region, t, w, random.nextInt(4) == 0, readFirst);
    }

    private boolean writtenElsewhere(String key, String region) {
        return counterRowWriters.getOrDefault(key, Set.of()).stream().anyMatch(r -> !r.equals(region));
    }

    private Set<String> keysOf(ModelTable t, Write w) {
        Set<String> out = new HashSet<>();
        if (w instanceof Write.Batch b) {
            b.writes().forEach(x -> out.addAll(keysOf(t, x)));
        } else if (w instanceof Write.MultiDelete m) {
            for (int id = 0; id < 4; id++) {
                out.add(t.name() + RowValues.key(t, m.shardKey().deepCopy().put("id", id)));
            }
        } else if (w instanceof Write.Put p) {
            out.add(t.name() + RowValues.key(t, p.row()));
        } else if (w instanceof Write.Delete d) {
            out.add(t.name() + RowValues.key(t, d.key()));
        } else {
            out.add(t.name() + RowValues.key(t, ((Write.Update) w).key()));
        }
        return out;
    }

    /** Every key a table of the run can have. */
    List<ObjectNode> keySpace(ModelTable t) {
        List<ObjectNode> out = new ArrayList<>();
        if (t.shardKeySize() > 0 && t.shardKeySize() < t.primaryKey().size()) {
            for (int sid = 0; sid < 3; sid++) {
                for (int id = 0; id < 4; id++) {
                    out.add(RowValues.JSON.createObjectNode().put("sid", sid).put("id", id));
                }
            }
        } else {
            for (int id = 0; id < keys; id++) {
                out.add(RowValues.JSON.createObjectNode().put("id", id));
            }
        }
        return out;
    }

    private ObjectNode key(ModelTable t) {
        List<ObjectNode> space = keySpace(t);
        return space.get(random.nextInt(space.size()));
    }

    ObjectNode row(ModelTable t, ObjectNode key) {
        ObjectNode row = key.deepCopy();
        for (ModelTable.Column c : t.columns()) {
            if (row.has(c.name())) {
                continue;
            }
            switch (c.type()) {
                case "STRING" -> row.put(c.name(), "s" + random.nextInt(1000));
                case "LONG" -> row.put(c.name(), random.nextLong(-5_000_000_000L, 5_000_000_000L));
                case "INTEGER" -> row.put(c.name(), c.counter() ? 0 : random.nextInt(1000));
                default -> {
                    ObjectNode doc = row.putObject(c.name());
                    doc.put("a", random.nextInt(100));
                    if (random.nextBoolean()) {
                        doc.put("b", "b" + random.nextInt(100));
                    }
                    ArrayNode arr = doc.putArray("arr");
                    for (int i = random.nextInt(3); i > 0; i--) {
                        arr.add(random.nextInt(10));
                    }
                    c.jsonCounters().forEach(f -> doc.put(f, 0));
                }
            }
        }
        return row;
    }

    private Write batch(ModelTable t, ObjectNode anyKey) {
        List<Write> writes = new ArrayList<>();
        List<Integer> ids = new ArrayList<>(List.of(0, 1, 2, 3));
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            ObjectNode key = RowValues.JSON.createObjectNode().put("sid", anyKey.get("sid").asInt())
                .put("id", ids.remove(random.nextInt(ids.size())));
            int kind = random.nextInt(10);
            writes.add(kind < 2 ? new Write.Delete(t.name(), key, Write.Condition.ALWAYS, null)
                : new Write.Put(t.name(), row(t, key), kind < 4 ? Write.Condition.IF_ABSENT : Write.Condition.ALWAYS,
                    null, ttl(), false));
        }
        return new Write.Batch(t.name(), writes);
    }

    private List<Write.Clause> valueClauses(ModelTable t, Version live) {
        List<Write.Clause> clauses = new ArrayList<>();
        clauses.add(new Write.Set("v", RowValues.JSON.getNodeFactory().textNode("u" + random.nextInt(1000))));
        ObjectNode doc = live == null ? null : (ObjectNode) live.value().get("doc");
        if (doc != null && doc.isObject()) {
            switch (random.nextInt(4)) {
                case 0 -> clauses.add(new Write.Set("doc.a", RowValues.JSON.getNodeFactory().numberNode(random.nextInt(100))));
                case 1 -> clauses.add(new Write.PutFields("doc",
                    RowValues.JSON.createObjectNode().put("b", "p" + random.nextInt(100)).put("c", random.nextInt(9))));
                case 2 -> {
                    if (doc.has("b")) {
                        clauses.add(new Write.Remove("doc.b"));
                    }
                }
                default -> clauses.add(new Write.Append("doc.arr", RowValues.JSON.getNodeFactory().numberNode(random.nextInt(10))));
            }
        }
        if (random.nextInt(5) == 0) {
            clauses.add(new Write.SetTtl(someTtl()));
        }
        return clauses;
    }

    /** No TTL (most puts), or some hours or days. */
    private Ttl ttl() {
        return random.nextInt(3) == 0 ? someTtl() : null;
    }

    private Ttl someTtl() {
        int n = random.nextInt(4);
        return random.nextBoolean() ? new Ttl(n, false) : new Ttl(n, true);
    }
}
