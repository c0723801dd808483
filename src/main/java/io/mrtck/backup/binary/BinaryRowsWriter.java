package io.mrtck.backup.binary;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.RowFileWriter;

/**
 * The kit's binary export file ({@code docs/backup-and-restore.md}, "binary format"): a header
 * (magic {@code MRTCKROW}, format version, table name), then one record per row — its length, its
 * bytes (expiration time, then the row in {@link FieldValueCodec}'s encoding) and their CRC-32 — then
 * an end marker with the row count. A damaged byte is found by its record's checksum, a truncation
 * by a record that does not fit or a missing end marker.
 */
public final class BinaryRowsWriter implements RowFileWriter {
    static final byte[] MAGIC = {'M', 'R', 'T', 'C', 'K', 'R', 'O', 'W'};
    static final int VERSION = 1;
    /** In place of a record's length: the end marker. */
    static final int END = -1;

    private final DataOutputStream out;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
    private final DataOutputStream recordOut = new DataOutputStream(record);
    private final CRC32 crc = new CRC32();
    private long rows;

    public BinaryRowsWriter(Path file, String table) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.out = new DataOutputStream(os);
        out.write(MAGIC);
        out.writeShort(VERSION);
        out.writeUTF(table);
    }

    @Override
    public void write(ExportedRow row) throws IOException {
        record.reset();
        recordOut.writeLong(row.expiration());
        FieldValueCodec.write(recordOut, row.value());
        crc.reset();
        crc.update(record.toByteArray(), 0, record.size());
        out.writeInt(record.size());
        record.writeTo(out);
        out.writeInt((int) crc.getValue());
        rows++;
    }

    @Override
    public long bytes() {
        return out.size();
    }

    @Override
    public void close() throws IOException {
        out.writeInt(END);
        out.writeLong(rows);
        out.close();
    }
}
