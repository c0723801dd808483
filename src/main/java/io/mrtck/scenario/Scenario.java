package io.mrtck.scenario;

import java.util.List;

/**
 * One reproduction: where it runs, its tables, its timeline, what must hold at the end, and
 * (for a catalogue entry) the reference mutant that reproduces the bug and the invariant it breaks.
 * Read and written by {@link ScenarioFile}; run by {@link ScenarioRunner}.
 */
public record Scenario(String id, String catalogue, String title, long seed, String mutant, String breaks,
                       Topo topology, List<TableSpec> tables, List<Step> steps, List<String> invariants) {

    /** Every invariant a check can judge (MR-BUG-CATALOGUE.md's codes the runner knows). */
    public static final List<String> INVARIANTS = List.of("INV-CONV", "INV-NOLOSS", "INV-NORES", "INV-CTR", "INV-TTL",
        "INV-STATS", "INV-LIVE", "INV-READ");

    public Scenario {
        tables = List.copyOf(tables);
        steps = List.copyOf(steps);
        invariants = List.copyOf(invariants);
    }

    /**
     * @param statsIntervalSecs null: the target's own interval
     */
    public record Topo(List<String> regions, int agentGroupSize, Integer statsIntervalSecs) {
        public Topo {
            regions = List.copyOf(regions);
        }
    }

    /**
     * @param shape  plain, counters, sharded or keyonly (docs/scenarios.md)
     * @param in     the regions its IN REGIONS clause names
     * @param create where it is created before the first step
     * @param ttl    the table default TTL ({@code 2 DAYS}), or null
     */
    public record TableSpec(String name, String shape, List<String> in, List<String> create, String ttl) {
        public TableSpec {
            in = List.copyOf(in);
            create = List.copyOf(create);
        }
    }

    public Scenario withSteps(List<Step> newSteps) {
        return new Scenario(id, catalogue, title, seed, mutant, breaks, topology, tables, newSteps, invariants);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(id, catalogue, title, newSeed, mutant, breaks, topology, tables, steps, invariants);
    }

    public Scenario withMutant(String newMutant, String newBreaks) {
        return new Scenario(id, catalogue, title, seed, newMutant, newBreaks, topology, tables, steps, invariants);
    }

    public Scenario withId(String newId, String newTitle) {
        return new Scenario(newId, catalogue, newTitle, seed, mutant, breaks, topology, tables, steps, invariants);
    }

    /** The reference mutants the file names ({@code mutant: A} or {@code A,B}); empty when none. */
    public java.util.Set<io.mrtck.reference.Mutant> mutants() {
        java.util.Set<io.mrtck.reference.Mutant> out = java.util.EnumSet.noneOf(io.mrtck.reference.Mutant.class);
        if (mutant != null) {
            for (String m : mutant.split(",")) {
                out.add(io.mrtck.reference.Mutant.valueOf(m.strip()));
            }
        }
        return out;
    }

    /** How many steps, counting those inside repeats once per repetition. */
    public int stepCount() {
        return count(steps);
    }

    private static int count(List<Step> steps) {
        int n = 0;
        for (Step s : steps) {
            n += s instanceof Step.Repeat r ? r.times() * count(r.steps()) : 1;
        }
        return n;
    }
}
