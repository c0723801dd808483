package io.mrtck.backup;

/** What an import did with its rows: written, already present (left alone), skipped as expired, failed. */
public final class ImportCounts {
    private long written;
    private long present;
    private long skippedExpired;
    private long failed;

    public void count(RowImporter.Outcome outcome) {
        switch (outcome) {
            case WRITTEN -> written++;
            case ALREADY_PRESENT -> present++;
            case SKIPPED_EXPIRED -> skippedExpired++;
        }
    }

    /** A row the region refused, when the import goes on after errors ({@code abortOnError: false}). */
    public void fail() {
        failed++;
    }

    public long written() {
        return written;
    }

    public long skippedExpired() {
        return skippedExpired;
    }

    @Override
    public String toString() {
        return written + " written, " + present + " already present (left as they were), " + skippedExpired
            + " skipped: already expired at the import's reference time" + (failed == 0 ? "" : ", " + failed + " failed");
    }
}
