package io.mrtck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mrtck.history.Op;

/**
 * INV-TTL: a row's expiration time is the same in every region, and is the one its winning write
 * gave it: none for a TTL of 0, the first whole hour or day at or after modification time plus the
 * TTL otherwise. The winning write is the one whose modification time the row carries; a write
 * that set no TTL is judged only by the expiration time the region showed for it.
 */
final class ExpirationTimes implements Invariant {

    @Override
    public String code() {
        return "INV-TTL";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        for (KeyOps key : history.keys()) {
            Op reference = null;
            for (Op read : key.finalReads().values()) {
                if (read.value() == null || read.expirationTime() == null) {
                    continue;
                }
                if (reference == null) {
                    reference = read;
                } else if (!Objects.equals(reference.expirationTime(), read.expirationTime())) {
                    out.add(Violation.ofKey(code(), key, "the row expires at " + reference.expirationTime() + " in "
                        + reference.region() + " but at " + read.expirationTime() + " in " + read.region() + ".",
                        List.of(reference, read)));
                }
                Violation wrong = checkAgainstWinner(key, read);
                if (wrong != null) {
                    out.add(wrong);
                }
            }
        }
        return out;
    }

    private Violation checkAgainstWinner(KeyOps key, Op read) {
        Op winner = winningWrite(key, read);
        if (winner == null) {
            return null;
        }
        Long expected = winner.ttl() != null ? TtlRule.expiration(winner.ttl(), winner.modificationTime())
            : winner.expirationTime();
        if (expected == null || expected.equals(read.expirationTime())) {
            return null;
        }
        String because = winner.ttl() != null ? "its TTL " + winner.ttl() + " from modification time "
            + winner.modificationTime() : "the region showed that expiration for it";
        return Violation.ofKey(code(), key, read.region() + " " + Violation.state(read) + " but its winning write, "
            + winner.kind() + " #" + winner.index() + " in " + winner.region() + ", gives expiration "
            + (expected == 0 ? "never (0)" : expected.toString()) + " (" + because + ").", List.of(read, winner));
    }

    /** The put, update or TTL update whose modification time the row read carries, if exactly one. */
    private static Op winningWrite(KeyOps key, Op read) {
        if (read.modificationTime() == null) {
            return null;
        }
        Op winner = null;
        for (Op w : key.possibleWrites()) {
            if (read.modificationTime().equals(w.modificationTime())) {
                if (winner != null || w.kind() == Op.Kind.INCREMENT || w.kind().isDelete()) {
                    return null;
                }
                winner = w;
            }
        }
        return winner;
    }
}
