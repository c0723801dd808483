package io.mrtck.checker;

import java.util.Collection;

import io.mrtck.history.Op;

/**
 * The latest operations of a set by each measure {@link WriteOrder} uses, kept so that "does some
 * operation of the set certainly win over X?" and "may some operation of the set win over X?" are
 * answered in constant time, with the operation that answers as witness. This keeps the checker
 * linear in a key's operations.
 */
final class LatestOf {
    private Op topByLww;
    private Op latestInvokedUnknown;
    private Op latestInvoked;
    private Op latestCompletedUnknown;
    private Op latestCompleted;

    LatestOf(Collection<Op> ops) {
        for (Op op : ops) {
            add(op);
        }
    }

    private void add(Op op) {
        if (WriteOrder.known(op)) {
            if (topByLww == null || WriteOrder.lww(op, topByLww) > 0) {
                topByLww = op;
            }
        } else {
            latestInvokedUnknown = later(latestInvokedUnknown, op, true);
            latestCompletedUnknown = later(latestCompletedUnknown, op, false);
        }
        latestInvoked = later(latestInvoked, op, true);
        latestCompleted = later(latestCompleted, op, false);
    }

    private static Op later(Op current, Op op, boolean byInvoke) {
        if (current == null) {
            return op;
        }
        return (byInvoke ? op.invokeMs() > current.invokeMs() : op.completeMs() > current.completeMs()) ? op : current;
    }

    boolean isEmpty() {
        return latestInvoked == null;
    }

    /** The operation of the set with the greatest modification time (LWW order), or null. */
    Op topByLww() {
        return topByLww;
    }

    /** An operation of the set that certainly wins over {@code op}, or null if none does. */
    Op certainlyAfter(Op op) {
        if (isEmpty()) {
            return null;
        }
        if (WriteOrder.known(op)) {
            if (topByLww != null && WriteOrder.lww(topByLww, op) > 0) {
                return topByLww;
            }
            return latestInvokedUnknown != null && latestInvokedUnknown.invokeMs() > op.completeMs()
                ? latestInvokedUnknown : null;
        }
        return latestInvoked.invokeMs() > op.completeMs() ? latestInvoked : null;
    }

    /**
     * An operation of the set that is not certainly before {@code op} (it may win over it), or null.
     * {@code op} itself must not be in the set.
     */
    Op mayBeAfter(Op op) {
        if (isEmpty()) {
            return null;
        }
        if (WriteOrder.known(op)) {
            if (topByLww != null && WriteOrder.lww(topByLww, op) >= 0) {
                return topByLww;
            }
            return latestCompletedUnknown != null && latestCompletedUnknown.completeMs() >= op.invokeMs()
                ? latestCompletedUnknown : null;
        }
        return latestCompleted.completeMs() >= op.invokeMs() ? latestCompleted : null;
    }
}
