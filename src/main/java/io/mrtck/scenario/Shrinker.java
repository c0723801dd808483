package io.mrtck.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing scenario small while it still fails the same way: first whole chunks of steps
 * go (delta debugging, halves down to single steps), then each write makes fewer writes over fewer
 * keys, then unused tables go. Every candidate is a full run, so the predicate is the expensive part.
 */
public final class Shrinker {

    /** The smallest failing scenario found, how many runs it took, and what each accepted cut was. */
    public record Result(Scenario smallest, int runs, List<String> log) {
    }

    private final Predicate<Scenario> stillFails;
    private final int maxRuns;
    private final List<String> log = new ArrayList<>();
    private int runs;

    /** @param stillFails runs a candidate and says whether it fails as the original did */
    public Shrinker(Predicate<Scenario> stillFails, int maxRuns) {
        this.stillFails = stillFails;
        this.maxRuns = maxRuns;
    }

    public Result shrink(Scenario failing) {
        Scenario s = withoutSteps(failing);
        s = smallerWrites(s);
        s = withoutUnusedTables(s);
        return new Result(s, runs, List.copyOf(log));
    }

    private Scenario withoutSteps(Scenario s) {
        List<Step> steps = new ArrayList<>(s.steps());
        int parts = 2;
        while (steps.size() > 1 && runs < maxRuns) {
            int chunk = (steps.size() + parts - 1) / parts;
            boolean cut = false;
            for (int from = 0; from < steps.size() && runs < maxRuns; from += chunk) {
                List<Step> candidate = new ArrayList<>(steps);
                candidate.subList(from, Math.min(steps.size(), from + chunk)).clear();
                if (!candidate.isEmpty() && fails(s.withSteps(candidate))) {
                    log.add("removed steps " + (from + 1) + "-" + Math.min(steps.size(), from + chunk) + " of "
                        + steps.size());
                    steps = candidate;
                    parts = Math.max(parts - 1, 2);
                    cut = true;
                    break;
                }
            }
            if (!cut) {
                if (chunk == 1) {
                    break;
                }
                parts = Math.min(steps.size(), parts * 2);
            }
        }
        return s.withSteps(steps);
    }

    private Scenario smallerWrites(Scenario s) {
        List<Step> steps = new ArrayList<>(s.steps());
        for (int i = 0; i < steps.size() && runs < maxRuns; i++) {
            while (steps.get(i) instanceof Step.Write w && (w.count() > 1 || w.keys().size() > 1) && runs < maxRuns) {
                Keys fewer = w.keys().first(w.keys().size() / 2);
                Step.Write smaller = w.withKeys(fewer, Math.max(1, Math.min(w.count() / 2, fewer.size() * 2)));
                List<Step> candidate = new ArrayList<>(steps);
                candidate.set(i, smaller);
                if (!fails(s.withSteps(candidate))) {
                    break;
                }
                log.add("step " + (i + 1) + ": " + w.count() + " writes over " + w.keys().size() + " keys -> "
                    + smaller.count() + " over " + smaller.keys().size());
                steps = candidate;
            }
        }
        return s.withSteps(steps);
    }

    private static Scenario withoutUnusedTables(Scenario s) {
        List<Scenario.TableSpec> used = s.tables().stream().filter(t -> s.steps().stream().anyMatch(x -> mentions(x, t.name())))
            .toList();
        if (used.isEmpty() || used.size() == s.tables().size()) {
            return s;
        }
        return new Scenario(s.id(), s.catalogue(), s.title(), s.seed(), s.mutant(), s.breaks(), s.topology(), used,
            s.steps(), s.invariants());
    }

    private static boolean mentions(Step step, String table) {
        return step.toNode().toString().contains("\"" + table + "\"");
    }

    private boolean fails(Scenario candidate) {
        runs++;
        return stillFails.test(candidate);
    }
}
