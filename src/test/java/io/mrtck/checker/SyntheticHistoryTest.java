package io.mrtck.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mrtck.bench.SyntheticHistory;
import io.mrtck.history.History;
import io.mrtck.history.Op;

/** The benchmark's generated histories are valid: the checker passes them, whatever the seed. */
class SyntheticHistoryTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void generatedHistoriesPass(long seed) {
        History h = SyntheticHistory.generate(60_000, 300, seed);
        assertThat(h.size()).isEqualTo(60_000);
        assertThat(h.ops()).extracting(Op::kind).contains(Op.Kind.STATS, Op.Kind.FAULT, Op.Kind.QUIESCE,
            Op.Kind.INCREMENT, Op.Kind.DELETE, Op.Kind.SET_TTL, Op.Kind.PUT_IF_ABSENT);
        Verdict v = Checker.standard().check(h);
        assertThat(v.ok()).as(() -> v.describe().lines().limit(3).map(l -> l.substring(0, Math.min(l.length(), 600))).reduce("", (a, b) -> a + "\n" + b)).isTrue();
    }
}
