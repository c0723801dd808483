package io.mrtck.history;

import java.math.BigDecimal;

/** An operation being recorded: set what it is, then complete it with its outcome. */
public final class OpBuilder {
    private final History history;
    private final long index;
    private final String process;
    private final String region;
    private final Op.Kind kind;
    private final long invokeMs;
    private String table;
    private String key;
    private String value;
    private String counter;
    private BigDecimal delta;
    private String ttl;
    private Long batch;
    private String note;
    private Long modificationTime;
    private Long expirationTime;

    OpBuilder(History history, long index, String process, String region, Op.Kind kind, long invokeMs) {
        this.history = history;
        this.index = index;
        this.process = process;
        this.region = region;
        this.kind = kind;
        this.invokeMs = invokeMs;
    }

    public OpBuilder row(String table, String key) {
        this.table = table;
        this.key = key;
        return this;
    }

    public OpBuilder value(String value) {
        this.value = value;
        return this;
    }

    public OpBuilder increment(String counter, BigDecimal delta) {
        this.counter = counter;
        this.delta = delta;
        return this;
    }

    /** A TABLE entry: the table's counter paths. */
    public OpBuilder counters(java.util.List<String> paths) {
        this.counter = paths.isEmpty() ? null : String.join(",", paths);
        return this;
    }

    public OpBuilder ttl(String ttl) {
        this.ttl = ttl;
        return this;
    }

    public OpBuilder batch(long batch) {
        this.batch = batch;
        return this;
    }

    public OpBuilder note(String note) {
        this.note = note;
        return this;
    }

    public OpBuilder times(Long modificationTime, Long expirationTime) {
        this.modificationTime = modificationTime;
        this.expirationTime = expirationTime;
        return this;
    }

    public Op ok() {
        return complete(Op.Outcome.OK, null, null);
    }

    /** An acknowledged conditional write: whether its condition held. */
    public Op ok(boolean applied) {
        return complete(Op.Outcome.OK, applied, null);
    }

    /** Certainly not done (the region refused it). */
    public Op fail(String error) {
        return complete(Op.Outcome.FAIL, null, error);
    }

    /** Unknown whether done (a timeout, a lost connection). */
    public Op info(String error) {
        return complete(Op.Outcome.INFO, null, error);
    }

    private Op complete(Op.Outcome outcome, Boolean applied, String error) {
        return history.add(new Op(index, process, region, kind, table, key, value, counter, delta, ttl, batch,
            invokeMs, history.now(region), outcome, applied, error, modificationTime, expirationTime, note));
    }
}
