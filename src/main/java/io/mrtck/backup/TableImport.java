package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.Mutant;

/**
 * Imports the rows of one row file into a region with a {@link RowImporter}, with progress on
 * {@code out}. With an {@link ImportStatus} it works in chunks and commits each chunk once all of
 * its rows (and their counters) are written, so a killed import resumes after its last commit: the
 * rows of the chunk it was in are met again, written if missing, their counters completed.
 */
public final class TableImport {
    private final RowImporter importer;
    private final PrintStream out;
    private final int chunkRows;
    private final int maxRowsPerSecond;
    private final boolean abortOnError;

    /**
     * @param maxRowsPerSecond a cap on the write rate (leaves the store's capacity to its clients), 0 = none
     * @param abortOnError     stop at the first row the region refuses; otherwise count it and go on
     */
    public TableImport(RowImporter importer, PrintStream out, int chunkRows, int maxRowsPerSecond, boolean abortOnError) {
        if (chunkRows < 1) {
            throw new BackupException("the chunk size of an import must be at least 1 row, is " + chunkRows);
        }
        this.importer = importer;
        this.out = out;
        this.chunkRows = chunkRows;
        this.maxRowsPerSecond = maxRowsPerSecond;
        this.abortOnError = abortOnError;
    }

    /** Told what became of each row the import met. */
    @FunctionalInterface
    public interface RowListener {
        void imported(ExportedRow row, RowImporter.Outcome outcome);
    }

    /**
     * @param status   null for an import that is not resumable (one pass, nothing recorded)
     * @param listener null, or told the outcome of every row written or skipped in this run
     */
    public ImportCounts run(RowFileReader reader, String what, long totalRows, ImportStatus status, RowListener listener)
            throws IOException {
        ImportCounts counts = new ImportCounts();
        long done = status == null ? 0 : status.rowsDone();
        if (status != null && status.complete()) {
            out.println(what + ": already complete according to " + status + "; nothing to do");
            return counts;
        }
        if (done > 0) {
            out.println(what + ": resuming after row " + done + " (" + status + ")");
        }
        Progress progress = Progress.on(what, totalRows, out);
        progress.advance(done, 0);
        long index = 0;
        List<ExportedRow> chunk = new ArrayList<>(chunkRows);
        for (ExportedRow row = reader.next(); row != null; row = reader.next()) {
            if (++index <= done) {
                continue;
            }
            chunk.add(row);
            if (chunk.size() == chunkRows) {
                write(chunk, index, done, status, counts, progress, listener);
                chunk.clear();
            }
        }
        write(chunk, index, done, status, counts, progress, listener);
        if (status != null) {
            status.markComplete();
        }
        progress.done();
        out.println(what + ": " + counts);
        return counts;
    }

    /** Writes the rows before {@code end} (1-based index of the chunk's last row) and commits the chunk. */
    private void write(List<ExportedRow> chunk, long end, long resumedAfter, ImportStatus status, ImportCounts counts,
                       Progress progress, RowListener listener) throws IOException {
        boolean recordFirst = status != null && ToolDefects.on(Mutant.BINARY_IMPORT_NOT_RESUMABLE);
        if (recordFirst) {
            status.commit(end); // the defect: recorded as written before it is
        }
        long first = end - chunk.size() + 1;
        long index = first;
        for (ExportedRow row : chunk) {
            // the chunk right after the last commit may have been written in part by the interrupted run
            boolean maybeOurs = resumedAfter > 0 && first <= resumedAfter + chunkRows;
            try {
                RowImporter.Outcome outcome = importer.write(row, maybeOurs);
                counts.count(outcome);
                if (listener != null) {
                    listener.imported(row, outcome);
                }
            } catch (RuntimeException e) {
                if (abortOnError) {
                    throw new BackupException("row " + index + " was refused (" + e.getMessage() + "); the import stops there"
                        + (status == null ? "" : " and resumes at its chunk with the same -status directory"), e);
                }
                counts.fail();
                out.println("row " + index + " refused, going on (abortOnError is false): " + e.getMessage());
            }
            index++;
            progress.advance(1, 0);
            pace(progress.rows() - resumedAfter, progress.seconds());
        }
        if (status != null && !recordFirst && !chunk.isEmpty()) {
            status.commit(end);
        }
    }

    /** Sleeps while {@code rows} written in {@code seconds} are ahead of the rate cap. */
    private void pace(long rows, double seconds) {
        if (maxRowsPerSecond <= 0) {
            return;
        }
        double ahead = rows / (double) maxRowsPerSecond - seconds;
        if (ahead > 0) {
            try {
                Thread.sleep((long) (ahead * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackupException("import interrupted", e);
            }
        }
    }
}
