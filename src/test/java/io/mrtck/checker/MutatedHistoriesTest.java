package io.mrtck.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mrtck.history.Op;

/**
 * The checker passes a valid history and flags each of its mutations, each one a bug the
 * catalogue describes, with the invariant that bug breaks.
 */
class MutatedHistoriesTest {

    /** A named corruption of {@link ValidRun} and the invariant the checker must name for it. */
    record HistoryMutation(String name, String invariant, Function<ValidRun, List<Op>> apply) {
        @Override
        public String toString() {
            return name + " → " + invariant;
        }
    }

    static Stream<HistoryMutation> mutations() {
        return Stream.of(
            new HistoryMutation("dropped write: both regions keep the previous value", "INV-NOLOSS",
                r -> r.editFinal("K", r.showing("kFr"))),
            new HistoryMutation("duplicated increment", "INV-CTR",
                r -> r.editFinal("A", x -> x.value(ValidRun.row(1, "a2", 12, 3)))),
            new HistoryMutation("lost decrement", "INV-CTR",
                r -> r.editFinal("A", x -> x.value(ValidRun.row(1, "a2", 9, 3)))),
            new HistoryMutation("INFO increment counted twice", "INV-CTR",
                r -> r.editFinal("A", x -> x.value(ValidRun.row(1, "a2", 11, 3)))),
            new HistoryMutation("JSON counter increment lost", "INV-CTR",
                r -> r.editFinal("A", x -> x.value(ValidRun.row(1, "a2", 7, 0)))),
            new HistoryMutation("counter reset by a put over a live row", "INV-CTR",
                r -> r.editFinal("I", x -> x.value(ValidRun.row(9, "i2", 0, 0)))),
            new HistoryMutation("counter survives the row's delete", "INV-CTR",
                r -> r.editFinal("H", x -> x.value(ValidRun.row(8, "h2", 3, 0)))),
            new HistoryMutation("deleted key resurrected in both regions", "INV-NORES",
                r -> r.editFinal("B", r.showing("b1"))),
            new HistoryMutation("delete ignored in one region", "INV-NORES",
                r -> r.edit(r.showing("nCo"), "N@FR")),
            new HistoryMutation("delete undone in both regions", "INV-NORES",
                r -> r.editFinal("N", r.showing("nCo"))),
            new HistoryMutation("row present after its delete and a quiesce, no write after", "INV-NORES",
                r -> r.edit(r.showing("mFr"), "M@FR:mid")),
            new HistoryMutation("expiration shifted by an hour in both regions", "INV-TTL",
                r -> r.editFinal("E", x -> x.expirationTime += 3_600_000L)),
            new HistoryMutation("expiration differs between regions", "INV-TTL",
                r -> r.edit(x -> x.expirationTime += 86_400_000L, "E@CO")),
            new HistoryMutation("TTL dropped: expiration 0 in both regions", "INV-TTL",
                r -> r.editFinal("E", x -> x.expirationTime = 0L)),
            new HistoryMutation("TTL update lost: the older expiration kept", "INV-TTL",
                r -> r.editFinal("E", x -> x.expirationTime = r.op("e1").expirationTime())),
            new HistoryMutation("both regions keep the losing side of a conflict", "INV-NOLOSS",
                r -> r.editFinal("C", r.showing("cFr"))),
            new HistoryMutation("tie on modification time broken the wrong way", "INV-NOLOSS",
                r -> r.editFinal("D", r.showing("dCo"))),
            new HistoryMutation("row missing in one region", "INV-CONV",
                r -> r.edit(ValidRun.absent(), "K@FR")),
            new HistoryMutation("modification time differs between regions", "INV-CONV",
                r -> r.edit(x -> x.modificationTime += 1, "C@FR")),
            new HistoryMutation("value differs between regions", "INV-CONV",
                r -> r.edit(r.showing("g1"), "G@CO")),
            new HistoryMutation("value nobody wrote", "INV-NOLOSS",
                r -> r.editFinal("L", x -> x.value(ValidRun.plain("b", 42)))),
            new HistoryMutation("failed write visible", "INV-NOLOSS",
                r -> r.editFinal("L", x -> x.value(r.op("lFail").value()))),
            new HistoryMutation("acknowledged put-if-absent lost", "INV-NOLOSS",
                r -> r.editFinal("F", ValidRun.absent())),
            new HistoryMutation("put-if-absent that did not apply wins", "INV-NOLOSS",
                r -> r.editFinal("F", x -> x.value(r.op("f2").value()))),
            new HistoryMutation("update's change lost", "INV-NOLOSS",
                r -> r.editFinal("G", x -> x.value(r.op("g1").value()))),
            new HistoryMutation("modification time no write produced", "INV-NOLOSS",
                r -> r.editFinal("G", x -> x.modificationTime += 7)),
            new HistoryMutation("write-multiple batch half applied", "INV-NOLOSS",
                r -> r.editFinal("J2", ValidRun.absent())),
            new HistoryMutation("negative lag in agent statistics", "INV-STATS",
                r -> r.edit(x -> x.note = x.note.replace("\"min\":2", "\"min\":-3"), "statsCO")),
            new HistoryMutation("lastModificationMs later than the remote's last write", "INV-STATS",
                r -> r.edit(x -> x.note = ValidRun.stats("FR", "CO", r.op("statsFR").invokeMs() + 5_000, 1), "statsFR")));
    }

    @Test
    void theValidHistoryPasses() {
        Verdict v = Checker.standard().check(new ValidRun().ops());
        assertThat(v.ok()).as(v.describe()).isTrue();
        assertThat(v.operations()).isBetween(50, 120);
    }

    @Test
    void thereAreEnoughMutations() {
        assertThat(mutations().count()).isGreaterThanOrEqualTo(22);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachMutationIsFlagged(HistoryMutation mutation) {
        ValidRun run = new ValidRun();
        List<Op> mutated = mutation.apply().apply(run);
        assertThat(mutated).as("the mutation changes the history").isNotEqualTo(run.ops());
        Verdict v = Checker.standard().check(mutated);
        assertThat(v.violations()).as(v.describe()).isNotEmpty();
        assertThat(v.invariantsBroken()).as(v.describe()).contains(mutation.invariant());
    }
}
