package io.mrtck.reference.mr;

/**
 * Oracle NoSQL's conflict rule for MR tables: the version with the later modification
 * time wins; on equal times the region whose name is greater (case-insensitively) wins.
 * The tie rule is the one documented for on-prem (MR-SEMANTICS.md marks it "to verify").
 */
public final class LastWriterWins {
    private final boolean reversed;
    private final boolean tieReversed;

    /** @param reversed later loses (a mutant); @param tieReversed lesser name wins on ties (a mutant) */
    public LastWriterWins(boolean reversed, boolean tieReversed) {
        this.reversed = reversed;
        this.tieReversed = tieReversed;
    }

    public static LastWriterWins standard() {
        return new LastWriterWins(false, false);
    }

    /** Whether a version written at {@code incomingTime} by {@code incomingRegion} replaces the existing one. */
    public boolean incomingWins(long incomingTime, String incomingRegion, long existingTime, String existingRegion) {
        if (incomingTime != existingTime) {
            return (incomingTime > existingTime) != reversed;
        }
        int byName = incomingRegion.compareToIgnoreCase(existingRegion);
        if (byName == 0) {
            return false; // the same version again: nothing to do
        }
        return (byName > 0) != tieReversed;
    }
}
