package io.mrtck.backup;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads exported rows back from the file(s) of one export format, in file order. A damaged or
 * truncated file is a {@link BackupException} naming the file and the byte where it goes wrong.
 */
public interface RowFileReader extends Closeable {
    /** The next row, or null after the last one. */
    ExportedRow next() throws IOException;

    /** Bytes read so far. */
    long bytes();
}
