package io.mrtck.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mrtck.history.Op;

class CheckerTest {
    private static final String K = "{\"id\":1}";

    private final Script s = new Script();

    private Verdict check() {
        return Checker.standard().check(s.history());
    }

    /** The verdict has a violation of {@code code} on the key that names every op given. */
    private static void assertFlags(Verdict v, String code, Op... ops) {
        assertThat(v.ok()).as(v.describe()).isFalse();
        assertThat(v.violations()).as(v.describe()).anySatisfy(x -> {
            assertThat(x.invariant()).isEqualTo(code);
            assertThat(x.key()).isEqualTo(K);
            for (Op op : ops) {
                assertThat(x.ops()).contains(op.index());
            }
            assertThat(x.message()).contains(K).contains("#" + ops[0].index());
        });
    }

    @Test
    void convergencePassesWhenRegionsAgree() {
        Op put = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        s.quiesce();
        s.read("FR", "t", K, put.value(), put.modificationTime(), 0L);
        s.read("CO", "t", K, put.value(), put.modificationTime(), 0L);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void convergenceFailsWhenRegionsDiffer() {
        Op put = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        s.quiesce();
        s.read("FR", "t", K, put.value(), put.modificationTime(), 0L);
        Op co = s.read("CO", "t", K, put.value(), put.modificationTime() + 1, 0L);
        assertFlags(check(), "INV-CONV", co);
    }

    @Test
    void noLossPassesWhenTheLastWriteWins() {
        s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        Op last = s.put("CO", "t", K, "{\"id\":1,\"v\":\"b\"}");
        s.quiesce();
        s.read("FR", "t", K, last.value(), last.modificationTime(), 0L);
        s.read("CO", "t", K, last.value(), last.modificationTime(), 0L);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void noLossFailsWhenAnAcknowledgedWriteIsLost() {
        Op first = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        Op last = s.put("CO", "t", K, "{\"id\":1,\"v\":\"b\"}");
        s.quiesce();
        s.read("FR", "t", K, first.value(), first.modificationTime(), 0L);
        s.read("CO", "t", K, first.value(), first.modificationTime(), 0L);
        Verdict v = check();
        assertFlags(v, "INV-NOLOSS", last);
        assertThat(v.describe()).contains("at modification time " + last.modificationTime() + " wins over it");
    }

    @Test
    void aTtlUpdateNeverReadBackMayCarryTheOlderValueOverAConcurrentWrite() {
        Op a = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        // CO's write and FR's TTL update cross (a partition): FR rewrote the row as it held it, later
        s.add(Op.Kind.PUT, "CO", "t", K, x -> {
            x.value = "{\"id\":1,\"v\":\"b\"}";
            x.modificationTime = null;
        });
        Op ttl = s.add(Op.Kind.SET_TTL, "FR", "t", K, x -> {
            x.ttl = "1 DAYS";
            x.modificationTime = null;
            x.expirationTime = null;
        });
        s.quiesce();
        long mt = ttl.invokeMs() + 1;
        s.read("FR", "t", K, a.value(), mt, null);
        s.read("CO", "t", K, a.value(), mt, null);
        assertThat(check().violations()).as(check().describe()).noneMatch(v -> v.invariant().equals("INV-NOLOSS"));
    }

    @Test
    void withoutModificationTimesRealTimeOrdersWrites() {
        s.add(Op.Kind.PUT, "FR", "t", K, x -> x.value("{\"id\":1,\"v\":\"a\"}").times(null, null));
        Op last = s.add(Op.Kind.PUT, "CO", "t", K, x -> x.value("{\"id\":1,\"v\":\"b\"}").times(null, null));
        s.quiesce();
        s.read("FR", "t", K, "{\"id\":1,\"v\":\"a\"}", null, 0L);
        s.read("CO", "t", K, "{\"id\":1,\"v\":\"a\"}", null, 0L);
        assertFlags(check(), "INV-NOLOSS", last);
    }

    @Test
    void concurrentWritesWithoutModificationTimesMayEitherWin() {
        long t = s.clock;
        s.add(Op.Kind.PUT, "FR", "t", K, x -> x.value("{\"id\":1,\"v\":\"a\"}").times(null, null));
        s.clock = t + 1;
        s.add(Op.Kind.PUT, "CO", "t", K, x -> x.value("{\"id\":1,\"v\":\"b\"}").times(null, null));
        s.quiesce();
        s.read("FR", "t", K, "{\"id\":1,\"v\":\"a\"}", null, 0L);
        s.read("CO", "t", K, "{\"id\":1,\"v\":\"a\"}", null, 0L);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void noResurrectionPassesWhenTheDeletedKeyStaysAbsent() {
        s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        s.delete("CO", "t", K);
        s.quiesce();
        s.read("FR", "t", K, null, null, null);
        s.read("CO", "t", K, null, null, null);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void noResurrectionFailsWhenTheDeletedRowComesBack() {
        Op put = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        Op delete = s.delete("CO", "t", K);
        s.quiesce();
        s.read("FR", "t", K, put.value(), put.modificationTime(), 0L);
        s.read("CO", "t", K, null, null, null);
        assertFlags(check(), "INV-NORES", delete);
    }

    @Test
    void countersPassWhenIncrementsAndDecrementsAddUp() {
        s.table("t", "cnt");
        s.put("FR", "t", K, "{\"id\":1,\"cnt\":0}");
        s.increment("FR", "t", K, "cnt", 5);
        Op dec = s.increment("CO", "t", K, "cnt", -2);
        s.quiesce();
        s.read("FR", "t", K, "{\"id\":1,\"cnt\":3}", dec.modificationTime(), 0L);
        s.read("CO", "t", K, "{\"id\":1,\"cnt\":3}", dec.modificationTime(), 0L);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void countersFailWhenADecrementIsLost() {
        s.table("t", "cnt");
        s.put("FR", "t", K, "{\"id\":1,\"cnt\":0}");
        s.increment("FR", "t", K, "cnt", 5);
        Op dec = s.increment("CO", "t", K, "cnt", -2);
        s.quiesce();
        Op fr = s.read("FR", "t", K, "{\"id\":1,\"cnt\":5}", dec.modificationTime(), 0L);
        s.read("CO", "t", K, "{\"id\":1,\"cnt\":3}", dec.modificationTime(), 0L);
        Verdict v = check();
        assertFlags(v, "INV-CTR", fr, dec);
        assertThat(v.describe()).contains("counter cnt = 5").contains("add up to 3");
    }

    @Test
    void ttlPassesWhenTheExpirationIsTheRoundedTtl() {
        Op put = s.add(Op.Kind.PUT, "FR", "t", K, x -> {
            x.value("{\"id\":1}");
            x.ttl = "2 HOURS";
        });
        long expected = TtlRule.expiration("2 HOURS", put.modificationTime());
        assertThat(expected % 3_600_000L).isZero();
        assertThat(expected).isGreaterThanOrEqualTo(put.modificationTime() + 7_200_000L);
        s.quiesce();
        s.read("FR", "t", K, put.value(), put.modificationTime(), expected);
        s.read("CO", "t", K, put.value(), put.modificationTime(), expected);
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void ttlFailsWhenTheExpirationIsDropped() {
        Op put = s.add(Op.Kind.PUT, "FR", "t", K, x -> {
            x.value("{\"id\":1}");
            x.ttl = "2 DAYS";
        });
        s.quiesce();
        s.read("FR", "t", K, put.value(), put.modificationTime(), 0L);
        s.read("CO", "t", K, put.value(), put.modificationTime(), 0L);
        assertFlags(check(), "INV-TTL", put);
    }

    @Test
    void statisticsPassWhenLagIsPositiveAndLastModificationIsReal() {
        Op put = s.put("FR", "t", K, "{\"id\":1}");
        s.add(Op.Kind.STATS, "CO", null, null, x -> x.note = stats(put.modificationTime(), 3));
        assertThat(check().ok()).as(check().describe()).isTrue();
    }

    @Test
    void statisticsFailWhenLastModificationIsAfterTheLastWrite() {
        Op put = s.put("FR", "t", K, "{\"id\":1}");
        Op sample = s.add(Op.Kind.STATS, "CO", null, null, x -> x.note = stats(put.modificationTime() + 60_000, 3));
        Verdict v = check();
        assertThat(v.violations()).singleElement().satisfies(x -> {
            assertThat(x.invariant()).isEqualTo("INV-STATS");
            assertThat(x.ops()).containsExactly(put.index(), sample.index());
            assertThat(x.message()).contains("lastModificationMs " + (put.modificationTime() + 60_000));
        });
    }

    @Test
    void statisticsFailOnNegativeLag() {
        Op put = s.put("FR", "t", K, "{\"id\":1}");
        Op sample = s.add(Op.Kind.STATS, "CO", null, null, x -> x.note = stats(put.modificationTime(), -4));
        assertThat(check().violations()).singleElement().satisfies(x -> {
            assertThat(x.invariant()).isEqualTo("INV-STATS");
            assertThat(x.ops()).containsExactly(sample.index());
            assertThat(x.message()).contains("laggingMs.min is negative (-4)");
        });
    }

    /** The admin's answer, as the real deployment gave it, with the figures that matter here. */
    static String stats(long lastModificationMs, long minLag) {
        return "{\"operation\":\"show mrtable-agent-statistics\",\"returnCode\":5000,\"returnValue\":{\"0\":"
            + "{\"timestamp\":1,\"statistics\":{\"agentId\":\"XRegionService-1_0\",\"localRegion\":\"CO\","
            + "\"regionStat\":{\"FR\":{\"completeWriteOps\":1,\"lastMessageMs\":" + lastModificationMs
            + ",\"lastModificationMs\":" + lastModificationMs + ",\"laggingMs\":{\"avg\":5,\"count\":3,\"max\":9,\"min\":"
            + minLag + ",\"percent95\":9,\"percent99\":9},\"latencyMs\":{\"avg\":7,\"count\":1,\"max\":7,\"min\":7,"
            + "\"percent95\":7,\"percent99\":7}}}}}}}";
    }

    @Test
    void verdictDescribesEveryViolation() {
        Op first = s.put("FR", "t", K, "{\"id\":1,\"v\":\"a\"}");
        s.put("CO", "t", K, "{\"id\":1,\"v\":\"b\"}");
        s.quiesce();
        s.read("FR", "t", K, first.value(), first.modificationTime(), 0L);
        s.read("CO", "t", K, "{\"id\":1,\"v\":\"zz\"}", first.modificationTime(), 0L);
        Verdict v = check();
        assertThat(v.describe().lines().count()).isEqualTo(1 + v.violations().size());
        assertThat(v.describe()).contains("History of the key: #0 PUT FR ok").contains("no write that took effect");
        assertThat(v.toString()).isEqualTo(v.describe());
    }
}
