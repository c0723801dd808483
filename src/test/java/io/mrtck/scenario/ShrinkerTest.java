package io.mrtck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShrinkerTest {

    /** A stand-in for a run: "fails" while a kill of CO's agent comes before a write of key 7 from FR. */
    private static boolean failsLikeTheBug(Scenario s) {
        boolean killed = false;
        for (Step step : s.steps()) {
            if (step.equals(new Step.AgentAction("kill", "CO"))) {
                killed = true;
            } else if (killed && step instanceof Step.Write w && w.region().equals("FR") && w.keys().numbers().contains(7)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFailingScenarioShrinksToTheStepsAndKeysThatMatter() {
        Scenario big = RandomScenario.generate(3, 30, Set.of()).withSteps(List.of(
            new Step.Write("CO", "tPlain", "put", Keys.range(0, 19), 40, 2, null, null, false),
            new Step.Quiesce(null),
            new Step.AgentAction("kill", "CO"),
            new Step.Write("CO", "tShard", "delete", Keys.range(0, 9), 10, 1, null, null, false),
            new Step.Write("FR", "tPlain", "put", Keys.range(0, 15), 32, 1, null, null, false),
            new Step.AgentAction("start", "CO"),
            new Step.Quiesce(null)));
        assertThat(failsLikeTheBug(big)).isTrue();

        Shrinker.Result r = new Shrinker(ShrinkerTest::failsLikeTheBug, 200).shrink(big);

        assertThat(r.smallest().steps()).hasSize(2);
        assertThat(r.smallest().steps().get(0)).isEqualTo(new Step.AgentAction("kill", "CO"));
        Step.Write w = (Step.Write) r.smallest().steps().get(1);
        assertThat(w.keys().numbers()).contains(7).hasSizeLessThanOrEqualTo(8);
        assertThat(r.smallest().tables()).extracting(Scenario.TableSpec::name).containsExactly("tPlain");
        assertThat(failsLikeTheBug(r.smallest())).isTrue();
    }

    @Test
    void theSameSeedMakesTheSameRandomScenario() {
        Set<String> faults = Set.copyOf(RandomScenario.FAULTS);
        assertThat(RandomScenario.generate(42, 20, faults)).isEqualTo(RandomScenario.generate(42, 20, faults));
        assertThat(RandomScenario.generate(42, 20, faults)).isNotEqualTo(RandomScenario.generate(43, 20, faults));
    }
}
