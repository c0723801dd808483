package io.mrtck.reference.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class IdentityDefTest {

    private static IdentityDef sequence(long start, long increment, long min, long max, boolean cycle) {
        return new IdentityDef("id", false, false, BigDecimal.valueOf(start), BigDecimal.valueOf(increment),
            BigDecimal.valueOf(min), BigDecimal.valueOf(max), 1000, cycle);
    }

    @Test
    void valuesStepFromTheStart() {
        IdentityDef s = sequence(10, 5, 0, 100, false);
        assertThat(s.value(0)).isEqualByComparingTo("10");
        assertThat(s.value(1)).isEqualByComparingTo("15");
        assertThat(s.value(18)).isEqualByComparingTo("100");
        assertThat(s.value(19)).as("exhausted without CYCLE").isNull();
    }

    @Test
    void aCyclingSequenceRestartsAtItsFarBound() {
        IdentityDef up = sequence(8, 1, 1, 9, true);
        assertThat(up.value(1)).isEqualByComparingTo("9");
        assertThat(up.value(2)).isEqualByComparingTo("1");
        assertThat(up.value(10)).isEqualByComparingTo("9");
        assertThat(up.value(11)).isEqualByComparingTo("1");
        IdentityDef down = sequence(-1, -2, -5, -1, true);
        assertThat(down.value(2)).isEqualByComparingTo("-5");
        assertThat(down.value(3)).isEqualByComparingTo("-1");
    }

    @Test
    void anUnboundedSequenceNeverEnds() {
        IdentityDef number = new IdentityDef("id", false, false, BigDecimal.ONE, BigDecimal.ONE, null, null, 1000, false);
        assertThat(number.value(1_000_000)).isEqualByComparingTo("1000001");
    }
}
