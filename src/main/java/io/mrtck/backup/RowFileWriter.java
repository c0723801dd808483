package io.mrtck.backup;

import java.io.Closeable;
import java.io.IOException;

/** Writes exported rows into the file(s) of one export format. {@link #close()} completes them. */
public interface RowFileWriter extends Closeable {
    void write(ExportedRow row) throws IOException;

    /** Bytes written so far. */
    long bytes();
}
