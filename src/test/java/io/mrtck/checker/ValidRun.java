package io.mrtck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.mrtck.history.Op;

/**
 * A valid two-region (FR, CO) history of a few dozen operations that touches every invariant:
 * puts, updates, deletes, increments and decrements (column and JSON counters, one INFO), TTL
 * writes, a put-if-absent that applies and one that does not, a write-multiple batch, conflicts
 * from both regions with known modification times (one decided by time, one a tie), a failed
 * write, a fault, a mid-run QUIESCE with reads, statistics from both agents, then QUIESCE and the
 * final READs of every row in both regions. Operations are named so that mutations can find them.
 */
final class ValidRun {
    static final List<String> REGIONS = List.of("FR", "CO");

    private final Script s = new Script();
    private final Map<String, Op> named = new HashMap<>();
    /** Row name to its final state: {table, key, value, mt, exp} (value null: no row). */
    private final Map<String, Object[]> finals = new LinkedHashMap<>();

    ValidRun() {
        s.table("t", "cnt,doc.hits");
        s.table("p", null);

        Op a = put("a1", "FR", "t", "A", row(1, "a", 0, 0));
        inc("aInc", "FR", "A", "cnt", 5);
        inc("aDec", "CO", "A", "cnt", -2);
        inc("aHits", "CO", "A", "doc.hits", 3);
        name("aUpd", s.add(Op.Kind.UPDATE, "CO", "t", key("A"), x -> x.value(row(1, "a2", 3, 3))));
        Op aInfo = name("aInfo", s.add(Op.Kind.INCREMENT, "FR", "t", key("A"), x -> {
            x.counter = "cnt";
            x.delta = java.math.BigDecimal.valueOf(4);
            x.outcome = Op.Outcome.INFO;
            x.error = "request timed out";
        }));
        finals.put("A", new Object[] {"t", a.key(), row(1, "a2", 7, 3), aInfo.modificationTime(), 0L});

        put("b1", "CO", "t", "B", row(2, "b", 0, 0));
        delete("bDel", "FR", "t", "B");
        finals.put("B", new Object[] {"t", key("B"), null, null, null});

        long faultStart = s.clock;
        name("fault", s.add(Op.Kind.FAULT, "FR", null, null, x -> {
            x.process = "nemesis";
            x.note = "pause agent FR";
            x.completeMs = faultStart + 60;
        }));
        long t = s.clock;
        name("cFr", s.add(Op.Kind.PUT, "FR", "t", key("C"), x -> {
            x.value(row(3, "c-fr", 0, 0)).completeMs = t + 8;
            x.modificationTime = t + 3;
        }));
        s.clock = t + 1;
        Op cCo = name("cCo", s.add(Op.Kind.PUT, "CO", "t", key("C"), x -> {
            x.value(row(3, "c-co", 0, 0)).completeMs = t + 9;
            x.modificationTime = t + 5;
        }));
        finals.put("C", new Object[] {"t", key("C"), cCo.value(), cCo.modificationTime(), 0L});

        long u = s.clock;
        Op dFr = name("dFr", s.add(Op.Kind.PUT, "FR", "t", key("D"), x -> x.value(row(4, "d-fr", 0, 0)).modificationTime = u + 3));
        s.clock = u + 1;
        name("dCo", s.add(Op.Kind.PUT, "CO", "t", key("D"), x -> x.value(row(4, "d-co", 0, 0)).modificationTime = u + 3));
        finals.put("D", new Object[] {"t", key("D"), dFr.value(), dFr.modificationTime(), 0L});

        Op e1 = name("e1", s.add(Op.Kind.PUT, "FR", "t", key("E"), x -> {
            x.value(row(5, "e", 0, 0)).ttl = "2 HOURS";
            x.expirationTime = TtlRule.expiration("2 HOURS", x.modificationTime);
        }));
        Op eTtl = name("eTtl", s.add(Op.Kind.SET_TTL, "CO", "t", key("E"), x -> {
            x.ttl = "5 DAYS";
            x.expirationTime = TtlRule.expiration("5 DAYS", x.modificationTime);
        }));
        finals.put("E", new Object[] {"t", key("E"), e1.value(), eTtl.modificationTime(), eTtl.expirationTime()});

        Op f1 = name("f1", s.add(Op.Kind.PUT_IF_ABSENT, "CO", "t", key("F"), x -> {
            x.value(row(6, "f1", 0, 0)).applied = true;
        }));
        name("f2", s.add(Op.Kind.PUT_IF_ABSENT, "FR", "t", key("F"), x -> {
            x.value(row(6, "f2", 0, 0)).applied = false;
            x.times(null, null);
        }));
        finals.put("F", new Object[] {"t", key("F"), f1.value(), f1.modificationTime(), 0L});

        put("g1", "FR", "t", "G", row(7, "g1", 0, 0));
        Op g2 = name("g2", s.add(Op.Kind.UPDATE, "FR", "t", key("G"), x -> x.value(row(7, "g2", 0, 0))));
        finals.put("G", new Object[] {"t", key("G"), g2.value(), g2.modificationTime(), 0L});

        put("h1", "CO", "t", "H", row(8, "h1", 0, 0));
        inc("hInc", "CO", "H", "cnt", 2);
        delete("hDel", "CO", "t", "H");
        put("h2", "FR", "t", "H", row(8, "h2", 0, 0));
        Op hInc2 = inc("hInc2", "FR", "H", "cnt", 1);
        finals.put("H", new Object[] {"t", key("H"), row(8, "h2", 1, 0), hInc2.modificationTime(), 0L});

        put("i1", "FR", "t", "I", row(9, "i1", 0, 0));
        inc("iInc", "FR", "I", "cnt", 10);
        Op i2 = put("i2", "CO", "t", "I", row(9, "i2", 0, 0));
        finals.put("I", new Object[] {"t", key("I"), row(9, "i2", 10, 0), i2.modificationTime(), 0L});

        long b = s.clock;
        for (String k : List.of("J1", "J2")) {
            s.clock = b;
            Op j = name(k.toLowerCase(), s.add(Op.Kind.PUT, "FR", "t", key(k), x -> {
                x.value(row(k.equals("J1") ? 10 : 11, k, 0, 0)).batch = 1L;
                x.completeMs = b + 6;
            }));
            finals.put(k, new Object[] {"t", j.key(), j.value(), j.modificationTime(), 0L});
        }

        put("kFr", "FR", "p", "K", plain("a", 1));
        Op kCo = put("kCo", "CO", "p", "K", plain("a", 2));
        finals.put("K", new Object[] {"p", kCo.key(), kCo.value(), kCo.modificationTime(), 0L});

        Op lCo = put("lCo", "CO", "p", "L", plain("b", 1));
        name("lFail", s.add(Op.Kind.PUT, "FR", "p", key("L"), x -> {
            x.value(plain("b", 9)).outcome = Op.Outcome.FAIL;
            x.error = "region refused the write";
            x.times(null, null);
        }));
        finals.put("L", new Object[] {"p", lCo.key(), lCo.value(), lCo.modificationTime(), 0L});

        put("mFr", "FR", "p", "M", plain("c", 1));
        delete("mDel", "CO", "p", "M");
        put("nCo", "CO", "p", "N", plain("d", 1));
        delete("nDel", "FR", "p", "N");
        finals.put("M", new Object[] {"p", key("M"), null, null, null});
        finals.put("N", new Object[] {"p", key("N"), null, null, null});
        name("qMid", s.quiesce());
        name("M@FR:mid", s.read("FR", "p", key("M"), null, null, null));
        name("N@CO:mid", s.read("CO", "p", key("N"), null, null, null));

        name("statsCO", s.add(Op.Kind.STATS, "CO", null, null, x -> x.note = stats("CO", "FR", latestWrite("FR"), 2)));
        name("statsFR", s.add(Op.Kind.STATS, "FR", null, null, x -> x.note = stats("FR", "CO", latestWrite("CO"), 1)));

        s.quiesce();
        for (String region : REGIONS) {
            finals.forEach((rowName, f) -> name(rowName + "@" + region,
                s.read(region, (String) f[0], (String) f[1], (String) f[2], (Long) f[3], (Long) f[4])));
        }
    }

    List<Op> ops() {
        return List.copyOf(s.ops);
    }

    Op op(String name) {
        Op op = named.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no operation named " + name);
        }
        return op;
    }

    /** The history with the named operations changed. */
    List<Op> edit(Consumer<Step> change, String... names) {
        List<Op> out = new ArrayList<>(s.ops);
        for (String n : names) {
            Op op = op(n);
            Step step = Step.of(op);
            change.accept(step);
            out.set(out.indexOf(op), step.build());
        }
        return out;
    }

    /** The history with the final READs of a row in both regions changed. */
    List<Op> editFinal(String row, Consumer<Step> change) {
        return edit(change, row + "@FR", row + "@CO");
    }

    /** A change making a READ show the row as {@code write} left it. */
    Consumer<Step> showing(String write) {
        Op w = op(write);
        return x -> x.value(w.value()).times(w.modificationTime(), w.expirationTime());
    }

    static Consumer<Step> absent() {
        return x -> x.value(null).times(null, null);
    }

    static String key(String row) {
        return switch (row) {
            case "K" -> "{\"pid\":\"a\"}";
            case "L" -> "{\"pid\":\"b\"}";
            case "M" -> "{\"pid\":\"c\"}";
            case "N" -> "{\"pid\":\"d\"}";
            case "J1" -> "{\"id\":10}";
            case "J2" -> "{\"id\":11}";
            default -> "{\"id\":" + (row.charAt(0) - 'A' + 1) + "}";
        };
    }

    static String row(int id, String name, int cnt, int hits) {
        return "{\"cnt\":" + cnt + ",\"doc\":{\"hits\":" + hits + "},\"id\":" + id + ",\"name\":\"" + name + "\"}";
    }

    static String plain(String pid, int v) {
        return "{\"pid\":\"" + pid + "\",\"v\":" + v + "}";
    }

    static String stats(String local, String remote, long lastModificationMs, long minLag) {
        return "{\"" + "agentId\":\"XRegionService-1_0\",\"localRegion\":\"" + local + "\",\"regionStat\":{\"" + remote
            + "\":{\"completeWriteOps\":10,\"lastMessageMs\":" + lastModificationMs + ",\"lastModificationMs\":"
            + lastModificationMs + ",\"laggingMs\":{\"avg\":3,\"count\":10,\"max\":7,\"min\":" + minLag
            + ",\"percent95\":7,\"percent99\":7},\"latencyMs\":{\"avg\":6,\"count\":10,\"max\":9,\"min\":4,"
            + "\"percent95\":9,\"percent99\":9}}}}";
    }

    private long latestWrite(String region) {
        return s.ops.stream().filter(o -> o.kind().isWrite() && o.region().equals(region) && o.modificationTime() != null)
            .mapToLong(Op::modificationTime).max().orElseThrow();
    }

    private Op put(String name, String region, String table, String row, String value) {
        return name(name, s.put(region, table, key(row), value));
    }

    private Op inc(String name, String region, String row, String counter, long delta) {
        return name(name, s.increment(region, "t", key(row), counter, delta));
    }

    private Op delete(String name, String region, String table, String row) {
        return name(name, s.delete(region, table, key(row)));
    }

    private Op name(String name, Op op) {
        named.put(name, op);
        return op;
    }
}
