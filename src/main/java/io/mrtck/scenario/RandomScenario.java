package io.mrtck.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random scenario from a seed (the generator and nemesis schedule of a torture run): writes of
 * every kind from every region on small key ranges, so keys collide, with faults from the allowed
 * kinds in between — each fault undone a few steps later — and quiesces now and then. The same seed
 * makes the same scenario.
 */
public final class RandomScenario {
    /** Fault kinds a torture run may inject. */
    public static final List<String> FAULTS = List.of("kill", "pause", "partition", "restart", "skew");

    private static final List<Scenario.TableSpec> TABLES = List.of(
        table("tPlain", "plain"), table("tCount", "counters"), table("tShard", "sharded"));

    private RandomScenario() {
    }

    private static Scenario.TableSpec table(String name, String shape) {
        return new Scenario.TableSpec(name, shape, List.of("FR", "CO"), List.of("FR", "CO"), null);
    }

    /**
     * @param steps  how many timeline steps to draw (undo steps and quiesces come on top)
     * @param faults the fault kinds to draw from ({@link #FAULTS}); empty: writes only
     */
    public static Scenario generate(long seed, int steps, Set<String> faults) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> regions = List.of("FR", "CO");
        List<Step> out = new ArrayList<>();
        List<Step> pendingUndo = new ArrayList<>();
        List<String> allowed = FAULTS.stream().filter(faults::contains).toList();
        int clockAhead = 0;
        for (int i = 0; i < steps; i++) {
            int dice = random.nextInt(100);
            if (!allowed.isEmpty() && dice < 20 && pendingUndo.isEmpty()) {
                String region = regions.get(random.nextInt(2));
                switch (allowed.get(random.nextInt(allowed.size()))) {
                    case "kill" -> {
                        out.add(new Step.AgentAction("kill", region));
                        pendingUndo.add(new Step.AgentAction("start", region));
                    }
                    case "pause" -> {
                        out.add(new Step.AgentAction("pause", region));
                        pendingUndo.add(new Step.AgentAction("resume", region));
                    }
                    case "partition" -> {
                        out.add(new Step.Link(true, "FR", "CO"));
                        pendingUndo.add(new Step.Link(false, "FR", "CO"));
                    }
                    case "restart" -> out.add(new Step.RestartRegion(region));
                    default -> {
                        // every clock jumps together (HOURS TTLs expire): a region whose clock runs behind
                        // another's, writing over that region's rows, has no documented outcome to check
                        clockAhead += 1 + random.nextInt(3);
                        out.add(new Step.Clock(false, "all", java.time.Duration.ofHours(clockAhead)));
                    }
                }
            } else if (dice < 30 && !pendingUndo.isEmpty()) {
                out.addAll(pendingUndo);
                pendingUndo.clear();
            } else if (dice < 36 && pendingUndo.isEmpty()) {
                out.add(new Step.Quiesce(null));
            } else {
                out.add(write(random, regions));
            }
        }
        out.addAll(pendingUndo);
        return new Scenario("torture-seed" + seed, null, "random workload and faults from seed " + seed, seed, null, null,
            new Scenario.Topo(regions, 1, 1), TABLES, out, Scenario.INVARIANTS);
    }

    private static Step.Write write(SplittableRandom random, List<String> regions) {
        Scenario.TableSpec t = TABLES.get(random.nextInt(TABLES.size()));
        List<String> kinds = new ArrayList<>(List.of("insert", "put-if-absent", "update", "set-ttl"));
        switch (t.shape()) {
            // counter rows are never put over nor deleted: a put over counters is seen on the reference
            // only, and a delete concurrent with an increment is undocumented (MR-SEMANTICS.md)
            case "counters" -> kinds.addAll(List.of("increment", "increment", "decrement"));
            case "plain" -> kinds.addAll(List.of("put", "upsert", "put", "delete", "delete-sql", "json"));
            default -> kinds.addAll(List.of("put", "upsert", "delete", "write-multiple", "multi-delete"));
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        int from = random.nextInt(12);
        Keys keys = Keys.range(from, from + 1 + random.nextInt(8));
        int count = keys.size() * (1 + random.nextInt(2));
        String ttl = kind.equals("set-ttl") || (kind.startsWith("put") && random.nextInt(4) == 0)
            ? (1 + random.nextInt(3)) + (random.nextBoolean() ? " DAYS" : " HOURS") : null;
        return new Step.Write(regions.get(random.nextInt(regions.size())), t.name(), kind, keys, count,
            1 + random.nextInt(2), null, ttl, random.nextInt(4) == 0);
    }
}
