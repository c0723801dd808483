package io.mrtck.checker;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.history.Op;

/**
 * INV-NORES: a deleted key stays absent until written again. A key whose winning operation is an
 * acknowledged delete is absent in every final state; no final row may be older (by modification
 * time) than an acknowledged delete; and a READ after a QUIESCE that follows an acknowledged delete
 * shows no row unless a write that took effect or may have came after the delete.
 */
final class NoResurrection implements Invariant {

    @Override
    public String code() {
        return "INV-NORES";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        for (KeyOps key : history.keys()) {
            if (key.possibleDeletes().isEmpty()) {
                continue;
            }
            Op winner = key.winningDelete();
            for (Op read : key.finalReads().values()) {
                if (read.value() == null) {
                    continue;
                }
                if (winner != null) {
                    out.add(Violation.ofKey(code(), key, read.region() + " " + Violation.state(read)
                        + " but the acknowledged " + winner.kind() + " #" + winner.index() + " in " + winner.region()
                        + (WriteOrder.known(winner) ? " at modification time " + winner.modificationTime() : "")
                        + " wins over every write of the key: the row was resurrected.", List.of(read, winner)));
                } else {
                    Op newer = newerDelete(key, read);
                    if (newer != null) {
                        out.add(Violation.ofKey(code(), key, read.region() + " " + Violation.state(read)
                            + " but the acknowledged " + newer.kind() + " #" + newer.index() + " in " + newer.region()
                            + " at modification time " + newer.modificationTime()
                            + " wins over it by last-writer-wins: the delete was undone.", List.of(read, newer)));
                    }
                }
            }
            checkReadsAfterQuiesce(history, key, out);
        }
        return out;
    }

    private static Op newerDelete(KeyOps key, Op read) {
        Op top = key.effectiveDeletes().topByLww();
        return read.modificationTime() != null && top != null && top.modificationTime() > read.modificationTime()
            ? top : null;
    }

    /** Reads before the final state (final rows are judged above) that follow a QUIESCE. */
    private void checkReadsAfterQuiesce(KeyedHistory history, KeyOps key, List<Violation> out) {
        List<Op> quiesces = history.quiesces();
        if (quiesces.isEmpty()) {
            return;
        }
        for (Op read : key.ops()) {
            if (read.kind() != Op.Kind.READ || read.value() == null || key.finalReads().get(read.region()) == read) {
                continue;
            }
            Op quiesce = latestQuiesceBefore(quiesces, read);
            Op delete = quiesce == null ? null : latestDeleteBefore(key, quiesce);
            if (delete != null && !writtenAfter(key, delete, read)) {
                out.add(Violation.ofKey(code(), key, "READ #" + read.index() + " in " + read.region() + " "
                    + Violation.state(read) + " after QUIESCE #" + quiesce.index() + ", which followed the acknowledged "
                    + delete.kind() + " #" + delete.index() + " in " + delete.region()
                    + ", and no write came after that delete.", List.of(read, quiesce, delete)));
            }
        }
    }

    private static Op latestQuiesceBefore(List<Op> quiesces, Op read) {
        Op latest = null;
        for (Op q : quiesces) {
            if (q.completeMs() <= read.invokeMs() && q.index() < read.index()) {
                latest = q;
            }
        }
        return latest;
    }

    private static Op latestDeleteBefore(KeyOps key, Op quiesce) {
        Op latest = null;
        for (Op d : key.possibleWrites()) {
            if (d.kind().isDelete() && d.tookEffect() && d.completeMs() < quiesce.invokeMs()
                && (latest == null || d.completeMs() > latest.completeMs())) {
                latest = d;
            }
        }
        return latest;
    }

    private static boolean writtenAfter(KeyOps key, Op delete, Op read) {
        for (Op w : key.possibleWrites()) {
            if (!w.kind().isDelete() && w.invokeMs() < read.completeMs() && !WriteOrder.certainlyBefore(w, delete)) {
                return true;
            }
        }
        return false;
    }
}
