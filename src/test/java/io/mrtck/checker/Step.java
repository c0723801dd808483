package io.mrtck.checker;

import java.math.BigDecimal;

import io.mrtck.history.Op;

/** A hand-made operation for tests: every field settable, from scratch or from an existing {@link Op}. */
final class Step {
    long index;
    String process = "c1";
    String region;
    Op.Kind kind;
    String table;
    String key;
    String value;
    String counter;
    BigDecimal delta;
    String ttl;
    Long batch;
    long invokeMs;
    long completeMs;
    Op.Outcome outcome = Op.Outcome.OK;
    Boolean applied;
    String error;
    Long modificationTime;
    Long expirationTime;
    String note;

    static Step of(Op o) {
        Step s = new Step();
        s.index = o.index();
        s.process = o.process();
        s.region = o.region();
        s.kind = o.kind();
        s.table = o.table();
        s.key = o.key();
        s.value = o.value();
        s.counter = o.counter();
        s.delta = o.delta();
        s.ttl = o.ttl();
        s.batch = o.batch();
        s.invokeMs = o.invokeMs();
        s.completeMs = o.completeMs();
        s.outcome = o.outcome();
        s.applied = o.applied();
        s.error = o.error();
        s.modificationTime = o.modificationTime();
        s.expirationTime = o.expirationTime();
        s.note = o.note();
        return s;
    }

    Step value(String v) {
        value = v;
        return this;
    }

    Step times(Long mt, Long exp) {
        modificationTime = mt;
        expirationTime = exp;
        return this;
    }

    Op build() {
        return new Op(index, process, region, kind, table, key, value, counter, delta, ttl, batch, invokeMs,
            completeMs, outcome, applied, error, modificationTime, expirationTime, note);
    }
}
