package io.mrtck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.model.ModelTable.Column;
import org.junit.jupiter.api.Test;

/** The model's rules, each on a small hand-made case (the regions are compared with it in ModelBasedIT). */
class MrModelTest {
    private static final ModelTable T = new ModelTable("t", List.of(Column.of("id", "INTEGER"), Column.of("v", "STRING"),
        Column.counter("cnt", "INTEGER")), List.of("id"), 0, null);
    private static final String K = "{\"id\":1}";

    private final MrModel model = new MrModel(List.of("FR", "CO"), List.of(T));

    private static ObjectNode row(String v) {
        return RowValues.JSON.createObjectNode().put("id", 1).put("v", v).put("cnt", 0);
    }

    private static Write put(String v) {
        return new Write.Put("t", row(v), Write.Condition.ALWAYS, null, null, false);
    }

    private static Write increment(long delta) {
        return new Write.Update("t", row("x"), List.of(new Write.Increment("cnt", delta)));
    }

    private static Shown shown(String v, long cnt, long mod, long exp) {
        return new Shown(RowValues.JSON.createObjectNode().put("id", 1).put("v", v).put("cnt", cnt), mod, exp);
    }

    private List<Disagreement> converged(Shown both) {
        Map<String, Shown> by = new LinkedHashMap<>();
        by.put("FR", both);
        by.put("CO", both);
        return model.checkConverged("t", K, by, 1_000);
    }

    @Test
    void theLaterWriteWinsAndOnATieTheGreaterRegionName() {
        model.write("FR", put("fr"), 100, 100);
        model.write("CO", put("co"), 200, 200);
        model.replicate(300);
        assertThat(converged(shown("co", 0, 200, 0))).isEmpty();
        assertThat(converged(shown("fr", 0, 100, 0))).extracting(Disagreement::field).contains("value");

        model.write("FR", put("fr2"), 400, 400);
        model.write("CO", put("co2"), 400, 400);
        model.replicate(500);
        assertThat(converged(shown("fr2", 0, 400, 0))).as("FR > CO on equal times").isEmpty();
    }

    @Test
    void aLaterDeleteWinsAndAnUnorderedOneLeavesBothOutcomes() {
        model.write("FR", put("a"), 100, 100);
        model.replicate(150);
        converged(shown("a", 0, 100, 0));
        model.write("FR", put("b"), 200, 200);
        model.write("CO", new Write.Delete("t", row("a"), Write.Condition.ALWAYS, null), 300, 310);
        model.replicate(400);
        assertThat(converged(Shown.ABSENT)).isEmpty();

        model.write("FR", put("c"), 500, 500);
        model.replicate(550);
        converged(shown("c", 0, 500, 0));
        model.write("FR", put("d"), 600, 600);
        model.write("CO", new Write.Delete("t", row("c"), Write.Condition.ALWAYS, null), 590, 610);
        model.replicate(700);
        assertThat(converged(shown("d", 0, 600, 0))).as("the delete's time brackets the put's").isEmpty();
    }

    @Test
    void countersMergeByPerRegionMaximumAndAPutKeepsThem() {
        model.write("FR", put("a"), 100, 100);
        model.replicate(150);
        converged(shown("a", 0, 100, 0));
        model.write("FR", increment(10), 200, 200);
        model.write("CO", increment(-4), 210, 210);
        model.write("CO", put("b"), 220, 220);
        model.replicate(300);
        assertThat(converged(shown("b", 6, 220, 0))).isEmpty();
        assertThat(converged(shown("b", 10, 220, 0))).extracting(Disagreement::field)
            .as("one per region").containsExactly("counter cnt", "counter cnt");
    }

    @Test
    void conditionsDecideAndABatchIsAllOrNothing() {
        assertThat(model.write("FR", new Write.Put("t", row("a"), Write.Condition.IF_PRESENT, null, null, false), 1, 1))
            .isFalse();
        assertThat(model.write("FR", new Write.Put("t", row("a"), Write.Condition.IF_ABSENT, null, null, false), 2, 2))
            .isTrue();
        ObjectNode other = RowValues.JSON.createObjectNode().put("id", 2).put("v", "b").put("cnt", 0);
        boolean applied = model.write("FR", new Write.Batch("t", List.of(
            new Write.Put("t", other, Write.Condition.ALWAYS, null, null, false),
            new Write.Put("t", row("again"), Write.Condition.IF_ABSENT, null, null, false))), 3, 3);
        assertThat(applied).isFalse();
        assertThat(model.current("FR", "t", "{\"id\":2}")).as("the batch's other put undone").isNull();
    }

    @Test
    void expirationIsRoundedUpToTheUnitAndAPutWithoutTtlKeepsIt() {
        long hour = 3_600_000L;
        model.write("FR", new Write.Put("t", row("a"), Write.Condition.ALWAYS, null, new Ttl(2, false), false),
            10 * hour + 5, 10 * hour + 5);
        model.write("FR", put("b"), 10 * hour + 9, 10 * hour + 9);
        assertThat(model.current("FR", "t", K).expiry().earliest()).isEqualTo(13 * hour);
        assertThat(model.checkLocal("FR", "t", K, shown("b", 0, 10 * hour + 9, 12 * hour), 10 * hour + 10))
            .extracting(Disagreement::field).containsExactly("expiration time");
    }
}
