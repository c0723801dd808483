package io.mrtck.reference.data;

import java.util.List;

/**
 * The result of an atomic batch: either every sub-operation's outcome, or the index of the
 * sub-operation whose failure aborted the batch (nothing was written) and its outcome.
 */
public record WriteMultipleOutcome(List<WriteOutcome> results, int failedIndex, WriteOutcome failed) {

    public boolean aborted() {
        return failedIndex >= 0;
    }
}
