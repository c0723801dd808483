package io.mrtck.checker;

import io.mrtck.history.Op;

/**
 * Which of two writes of one key wins, as MR conflict resolution decides it: the later modification
 * time wins; on equal times the greater region name (case-insensitively). When a modification time
 * is unknown, only real time orders writes: A is certainly before B if A completed before B was
 * invoked; otherwise they were concurrent and either may win.
 */
final class WriteOrder {
    private WriteOrder() {
    }

    /**
     * Compares two writes with known modification times by last-writer-wins: negative if {@code a}
     * loses to {@code b}. Zero for equal times in the same region (the times cannot order them).
     */
    static int lww(Op a, Op b) {
        int byTime = Long.compare(a.modificationTime(), b.modificationTime());
        return byTime != 0 ? byTime : Integer.signum(a.region().compareToIgnoreCase(b.region()));
    }

    static boolean known(Op op) {
        return op.modificationTime() != null;
    }

    /** Whether {@code b} certainly wins over {@code a}. */
    static boolean certainlyBefore(Op a, Op b) {
        if (known(a) && known(b)) {
            int c = lww(a, b);
            if (c != 0) {
                return c < 0;
            }
        }
        return a.completeMs() < b.invokeMs();
    }

    /** Why {@code winner} wins over {@code loser}, for messages. */
    static String why(Op winner, Op loser) {
        if (known(winner) && known(loser)) {
            return winner.modificationTime().equals(loser.modificationTime())
                ? " at the same modification time " + winner.modificationTime() + " wins over it (the greater region name wins a tie)"
                : " at modification time " + winner.modificationTime() + " wins over it by last-writer-wins";
        }
        return " was certainly made after it (completed " + loser.completeMs() + ", invoked " + winner.invokeMs() + ")";
    }
}
