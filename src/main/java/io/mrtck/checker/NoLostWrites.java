package io.mrtck.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mrtck.history.Op;

/**
 * INV-NOLOSS: every write that took effect is in the final state of every region, or replaced by
 * one that wins by the conflict rules. A final row must come from a write that took effect or may
 * have, and must not be older (by modification time) than an acknowledged write of the key; a
 * missing row needs a delete that may have won, or an expiration. Rows a delete certainly won are
 * INV-NORES's.
 */
final class NoLostWrites implements Invariant {

    @Override
    public String code() {
        return "INV-NOLOSS";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        for (KeyOps key : history.keys()) {
            if (key.finalReads().isEmpty() || key.winningDelete() != null) {
                continue;
            }
            List<String> counters = history.counters(key.table());
            for (Op read : key.finalReads().values()) {
                Violation v = read.value() == null ? checkAbsent(key, read) : checkPresent(key, read, counters);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private Violation checkPresent(KeyOps key, Op read, List<String> counters) {
        List<Op> sources = key.writersOf(read.value(), counters);
        if (sources.isEmpty()) {
            return Violation.ofKey(code(), key, read.region() + " " + Violation.state(read)
                + " but no write that took effect or may have wrote that value.", List.of(read));
        }
        Violation newer = newerAcknowledgedWrite(key, read);
        if (newer != null) {
            return newer;
        }
        Op supersededBy = null;
        for (Op w : sources) {
            Op later = key.effectiveValuesAndDeletes().certainlyAfter(w);
            if (later == null || carriedBy(key, read, w)) {
                return unproducedModificationTime(key, read);
            }
            supersededBy = later;
        }
        Op source = sources.get(sources.size() - 1);
        List<Op> involved = List.of(read, source, supersededBy);
        return Violation.ofKey(code(), key, read.region() + " " + Violation.state(read) + ", the value of "
            + source.kind() + " #" + source.index() + " in " + source.region() + ", but the acknowledged "
            + supersededBy.kind() + " #" + supersededBy.index() + " in " + supersededBy.region()
            + WriteOrder.why(supersededBy, source) + ": the write was lost.", involved);
    }

    /** An acknowledged put or update with a later modification time than the row read: that write is lost. */
    private Violation newerAcknowledgedWrite(KeyOps key, Op read) {
        if (read.modificationTime() == null) {
            return null;
        }
        Op top = key.effectiveNonDeletes().topByLww();
        if (top == null || top.kind() == Op.Kind.INCREMENT || top.modificationTime() <= read.modificationTime()) {
            return null;
        }
        return Violation.ofKey(code(), key, read.region() + " " + Violation.state(read) + " but the acknowledged "
            + top.kind() + " #" + top.index() + " in " + top.region() + " at modification time "
            + top.modificationTime() + " wins over it by last-writer-wins.", List.of(read, top));
    }

    /**
     * Whether an increment or TTL update that made the row read may have carried the older value
     * {@code source}: such updates rewrite the whole row as their region held it, and that region
     * may not yet have had the writes that supersede {@code source}, unless it made them itself.
     */
    private static boolean carriedBy(KeyOps key, Op read, Op source) {
        if (read.modificationTime() == null) {
            return false;
        }
        for (Op x : key.possibleWrites()) {
            if ((x.kind() == Op.Kind.INCREMENT || x.kind() == Op.Kind.SET_TTL) && madeTheRowRead(x, read)
                && source.invokeMs() < x.completeMs()
                && !supersededLocally(key, source, x)) {
                return true;
            }
        }
        return false;
    }

    /** The update's own modification time is the row's, or (never read back) the row's falls within its call. */
    private static boolean madeTheRowRead(Op update, Op read) {
        Long mt = read.modificationTime();
        return update.modificationTime() != null ? mt.equals(update.modificationTime())
            : update.invokeMs() <= mt && mt <= update.completeMs();
    }

    private static boolean supersededLocally(KeyOps key, Op source, Op x) {
        for (Op s : key.possibleWrites()) {
            if (s.tookEffect() && (KeyOps.writesValue(s) || s.kind().isDelete()) && s.region().equalsIgnoreCase(x.region())
                && WriteOrder.certainlyBefore(source, s) && WriteOrder.certainlyBefore(s, x)) {
                return true;
            }
        }
        return false;
    }

    /** When every write's modification time is known, the row's must be one of them. */
    private Violation unproducedModificationTime(KeyOps key, Op read) {
        if (read.modificationTime() == null) {
            return null;
        }
        Set<Long> times = new HashSet<>();
        for (Op w : key.possibleWrites()) {
            if (!WriteOrder.known(w)) {
                return null;
            }
            times.add(w.modificationTime());
        }
        return times.contains(read.modificationTime()) ? null : Violation.ofKey(code(), key, read.region() + " "
            + Violation.state(read) + " but no write of the key had that modification time.", List.of(read));
    }

    private Violation checkAbsent(KeyOps key, Op read) {
        List<Op> writes = key.possibleWrites();
        if (key.possibleNonDeletes().isEmpty()) {
            return null;
        }
        for (Op w : writes) {
            if (w.kind().isDelete() && key.effectiveNonDeletes().certainlyAfter(w) == null) {
                return null;
            }
            Long expiration = expiration(w);
            if (expiration != null && expiration > 0 && expiration <= read.invokeMs()) {
                return null;
            }
        }
        Op lost = key.effectiveNonDeletes().topByLww();
        for (Op w : writes) {
            if (lost == null && !w.kind().isDelete() && w.tookEffect() && key.effectiveValuesAndDeletes().certainlyAfter(w) == null) {
                lost = w;
            }
        }
        if (lost == null) {
            return null;
        }
        return Violation.ofKey(code(), key, read.region() + " has no row but the acknowledged " + lost.kind() + " #"
            + lost.index() + " in " + lost.region() + (WriteOrder.known(lost) ? " at modification time "
                + lost.modificationTime() : "") + " is not replaced by any delete that may have won, nor expired.",
            List.of(read, lost));
    }

    /**
     * The earliest expiration the write may have given the row: as the region showed it, else from its
     * TTL counted from its modification time (from its invocation when that time is unknown).
     */
    private static Long expiration(Op w) {
        if (w.expirationTime() != null) {
            return w.expirationTime();
        }
        return w.ttl() == null ? null : TtlRule.expiration(w.ttl(), WriteOrder.known(w) ? w.modificationTime() : w.invokeMs());
    }
}
