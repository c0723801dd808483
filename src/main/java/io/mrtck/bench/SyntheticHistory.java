package io.mrtck.bench;

import java.math.BigDecimal;
import java.util.Random;

import io.mrtck.checker.TtlRule;
import io.mrtck.history.History;
import io.mrtck.history.Op;

/**
 * A valid two-region (FR, CO) history of a given number of operations over a given number of
 * keys, made by simulating MR semantics on one clock: puts (with and without TTL), updates,
 * increments and decrements, TTL updates, put-if-absent, deletes, conflicting puts from both
 * regions (some tied on modification time), failed and indeterminate writes, reads, faults and
 * agent statistics; then QUIESCE and a final READ of every key in both regions. Replication is
 * taken as instant, so every region reads the model's row. Deterministic for a seed.
 */
public final class SyntheticHistory {
    static final long T0 = 1_700_000_000_000L;
    private static final String TABLE = "bench";
    private static final String[] REGIONS = {"FR", "CO"};
    private static final int STATS_EVERY = 20_000;

    private final Random random;
    private final int keys;
    private final Row[] rows;
    private final History history = new History();
    private final long[] latestWrite = new long[REGIONS.length];
    private long clock = T0;
    private long index;
    /** The last version number given to a written value: every value written is different. */
    private long serial;
    private long nextStats = STATS_EVERY;

    /** One key's state as every region holds it once replication has caught up. */
    private static final class Row {
        boolean live;
        long version;
        long counter;
        long mt;
        long exp;
    }

    private SyntheticHistory(long seed, int keys) {
        this.random = new Random(seed);
        this.keys = keys;
        this.rows = new Row[keys];
        for (int i = 0; i < keys; i++) {
            rows[i] = new Row();
        }
    }

    /** A history of exactly {@code ops} operations (at least a few more than twice {@code keys}). */
    public static History generate(int ops, int keys, long seed) {
        if (ops < 2 * keys + 10) {
            throw new IllegalArgumentException("need at least " + (2 * keys + 10) + " operations for " + keys + " keys");
        }
        SyntheticHistory g = new SyntheticHistory(seed, keys);
        g.add(op(Op.Kind.TABLE, null, null, 0).withNote("CREATE TABLE bench(id INTEGER, v INTEGER, cnt INTEGER AS "
            + "MR_COUNTER, PRIMARY KEY(id)) IN REGIONS FR, CO", "cnt"));
        int finalOps = 2 * keys + 1;
        while (g.index < ops - finalOps) {
            g.step((int) (ops - finalOps - g.index));
        }
        g.add(op(Op.Kind.QUIESCE, null, null, g.tick()));
        for (String region : REGIONS) {
            for (int k = 0; k < keys; k++) {
                Row r = g.rows[k];
                Draft read = op(Op.Kind.READ, region, key(k), g.tick());
                if (r.live) {
                    read.value = value(k, r.version, r.counter);
                    read.mt = r.mt;
                    read.exp = r.exp;
                }
                g.add(read);
            }
        }
        return g.history;
    }

    /** One random operation, or a conflicting pair when {@code room} allows. */
    private void step(int room) {
        int k = random.nextInt(keys);
        int region = random.nextInt(2);
        int dice = random.nextInt(100);
        if (index >= nextStats) {
            nextStats += STATS_EVERY;
            stats(region);
        } else if (dice < 1 && room > 1) {
            fault();
        } else if (dice < 6 && room >= 2) {
            conflict(k, random.nextInt(4) == 0);
        } else if (dice < 36) {
            put(k, region, Op.Kind.PUT, Op.Outcome.OK);
        } else if (dice < 44) {
            put(k, region, Op.Kind.PUT_IF_ABSENT, Op.Outcome.OK);
        } else if (dice < 54) {
            update(k, region);
        } else if (dice < 74) {
            increment(k, region);
        } else if (dice < 79) {
            setTtl(k, region);
        } else if (dice < 87) {
            delete(k, region);
        } else if (dice < 89) {
            failedPut(k, region);
        } else if (dice < 91) {
            indeterminatePut(k, region);
        } else {
            read(k, region);
        }
    }

    /** A put; an INFO outcome means it took effect but its answer was lost. */
    private void put(int k, int region, Op.Kind kind, Op.Outcome outcome) {
        Row r = rows[k];
        long t = tick();
        Draft w = op(kind, REGIONS[region], key(k), t);
        boolean applies = kind == Op.Kind.PUT || !r.live;
        String ttl = random.nextInt(5) == 0 ? (1 + random.nextInt(48)) + " HOURS" : "0 DAYS";
        long version = ++serial;
        w.value = value(k, version, 0);
        w.ttl = ttl;
        w.outcome = outcome;
        if (outcome == Op.Outcome.INFO) {
            w.error = "request timed out";
        } else if (kind != Op.Kind.PUT) {
            w.applied = applies;
        }
        if (applies) {
            write(r, region, t + 1);
            r.counter = r.live ? r.counter : 0;
            r.live = true;
            r.version = version;
            r.exp = TtlRule.expiration(ttl, r.mt);
            w.mt = r.mt;
            w.exp = r.exp;
        }
        add(w);
    }

    private void update(int k, int region) {
        Row r = rows[k];
        long t = tick();
        Draft w = op(Op.Kind.UPDATE, REGIONS[region], key(k), t);
        w.applied = r.live;
        if (r.live) {
            write(r, region, t + 1);
            r.version = ++serial;
            w.value = value(k, r.version, r.counter);
            w.mt = r.mt;
            w.exp = r.exp;
        } else {
            w.value = value(k, ++serial, 0);
        }
        add(w);
    }

    private void increment(int k, int region) {
        Row r = rows[k];
        long t = tick();
        Draft w = op(Op.Kind.INCREMENT, REGIONS[region], key(k), t);
        w.counter = "cnt";
        w.delta = random.nextInt(4) == 0 ? -(1 + random.nextInt(5)) : 1 + random.nextInt(9);
        w.applied = r.live;
        boolean indeterminate = r.live && random.nextInt(50) == 0;
        boolean happened = r.live && (!indeterminate || random.nextBoolean());
        if (indeterminate) {
            w.outcome = Op.Outcome.INFO;
            w.applied = null;
            w.error = "request timed out";
        }
        if (happened) {
            write(r, region, t + 1);
            r.counter += w.delta;
            w.mt = r.mt;
            w.exp = r.exp;
        }
        add(w);
    }

    private void setTtl(int k, int region) {
        Row r = rows[k];
        long t = tick();
        Draft w = op(Op.Kind.SET_TTL, REGIONS[region], key(k), t);
        w.ttl = (1 + random.nextInt(10)) + " DAYS";
        w.applied = r.live;
        if (r.live) {
            write(r, region, t + 1);
            r.exp = TtlRule.expiration(w.ttl, r.mt);
            w.mt = r.mt;
            w.exp = r.exp;
        }
        add(w);
    }

    private void delete(int k, int region) {
        Row r = rows[k];
        long t = tick();
        Draft w = op(Op.Kind.DELETE, REGIONS[region], key(k), t);
        w.applied = r.live;
        if (r.live) {
            write(r, region, t + 1);
            w.mt = r.mt;
            r.live = false;
        }
        add(w);
    }

    private void failedPut(int k, int region) {
        Draft w = op(Op.Kind.PUT, REGIONS[region], key(k), tick());
        w.value = value(k, -1, 0);
        w.outcome = Op.Outcome.FAIL;
        w.error = "region refused the write";
        add(w);
    }

    /** A put whose answer was lost: it took effect half of the time. */
    private void indeterminatePut(int k, int region) {
        if (random.nextBoolean()) {
            put(k, region, Op.Kind.PUT, Op.Outcome.INFO);
            return;
        }
        Draft w = op(Op.Kind.PUT, REGIONS[region], key(k), tick());
        w.value = value(k, ++serial, 0);
        w.ttl = "0 DAYS";
        w.outcome = Op.Outcome.INFO;
        w.error = "request timed out";
        add(w);
    }

    /** Puts of one key from both regions at once; the later modification time, or on a tie the greater region, wins. */
    private void conflict(int k, boolean tie) {
        Row r = rows[k];
        long t = tick();
        long mtFr = t + 2;
        long mtCo = tie ? mtFr : t + 1 + random.nextInt(3);
        long winnerMt = Math.max(mtFr, mtCo);
        int winner = mtFr >= mtCo ? 0 : 1;
        long[] mts = {mtFr, mtCo};
        long counter = r.live ? r.counter : 0;
        long[] versions = {++serial, ++serial};
        for (int region = 0; region < 2; region++) {
            Draft w = op(Op.Kind.PUT, REGIONS[region], key(k), t);
            w.completeMs = t + 4;
            w.value = value(k, versions[region], 0);
            w.ttl = "0 DAYS";
            w.mt = mts[region];
            w.exp = 0L;
            latestWrite[region] = Math.max(latestWrite[region], Math.max(w.completeMs, mts[region]));
            add(w);
        }
        r.version = versions[winner];
        r.live = true;
        r.counter = counter;
        r.mt = winnerMt;
        r.exp = 0;
        clock = t + 6;
    }

    private void read(int k, int region) {
        Row r = rows[k];
        Draft read = op(Op.Kind.READ, REGIONS[region], key(k), tick());
        if (r.live) {
            read.value = value(k, r.version, r.counter);
            read.mt = r.mt;
            read.exp = r.exp;
        }
        add(read);
    }

    private void fault() {
        long t = tick();
        Draft f = op(Op.Kind.FAULT, random.nextBoolean() ? "FR" : "CO", null, t);
        f.process = "nemesis";
        f.completeMs = t + 200 + random.nextInt(2_000);
        f.note = random.nextBoolean() ? "pause agent " + f.region : "partition FR-CO";
        add(f);
    }

    private void stats(int local) {
        int remote = 1 - local;
        long lag = 1 + random.nextInt(20);
        Draft s = op(Op.Kind.STATS, REGIONS[local], null, tick());
        s.process = "checker";
        s.note = "{\"agentId\":\"XRegionService-1_0\",\"localRegion\":\"" + REGIONS[local] + "\",\"regionStat\":{\""
            + REGIONS[remote] + "\":{\"completeWriteOps\":" + index + ",\"lastMessageMs\":" + s.invokeMs
            + ",\"lastModificationMs\":" + latestWrite[remote] + ",\"laggingMs\":{\"avg\":" + lag + ",\"count\":60,"
            + "\"max\":" + (lag + 9) + ",\"min\":1,\"percent95\":" + (lag + 5) + ",\"percent99\":" + (lag + 8)
            + "},\"latencyMs\":{\"avg\":7,\"count\":60,\"max\":30,\"min\":3,\"percent95\":20,\"percent99\":28}}}}";
        add(s);
    }

    private void write(Row r, int region, long mt) {
        r.mt = mt;
        latestWrite[region] = Math.max(latestWrite[region], mt + 1);
    }

    private long tick() {
        long t = clock;
        clock += 3;
        return t;
    }

    private static String key(int k) {
        return "{\"id\":" + k + "}";
    }

    private static String value(int k, long version, long counter) {
        return "{\"cnt\":" + counter + ",\"id\":" + k + ",\"v\":" + version + "}";
    }

    private void add(Draft d) {
        history.add(d.build(index++));
    }

    private static Draft op(Op.Kind kind, String region, String key, long t) {
        Draft d = new Draft();
        d.kind = kind;
        d.region = region;
        d.key = key;
        d.invokeMs = t;
        d.completeMs = t + 2;
        return d;
    }

    /** An operation being made up. */
    private static final class Draft {
        Op.Kind kind;
        String process = "client";
        String region;
        String key;
        String value;
        String counter;
        long delta;
        String ttl;
        long invokeMs;
        long completeMs;
        Op.Outcome outcome = Op.Outcome.OK;
        Boolean applied;
        String error;
        Long mt;
        Long exp;
        String note;

        Draft withNote(String note, String counter) {
            this.note = note;
            this.counter = counter;
            return this;
        }

        Op build(long index) {
            boolean row = kind.isWrite() || kind == Op.Kind.READ || kind == Op.Kind.TABLE;
            return new Op(index, process, region, kind, row ? TABLE : null, key, value, counter,
                kind == Op.Kind.INCREMENT ? BigDecimal.valueOf(delta) : null, ttl, null, invokeMs, completeMs, outcome,
                applied, error, mt, exp, note);
        }
    }
}
