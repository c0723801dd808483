package io.mrtck.backup.binary;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.RowFileReader;
import oracle.nosql.driver.values.FieldValue;

/** Reads a {@link BinaryRowsWriter} file, checking every record's checksum and the end marker. */
public final class BinaryRowsReader implements RowFileReader {
    private final Path file;
    private final long size;
    private final DataInputStream in;
    private final String table;
    private long position;
    private long records;
    private boolean ended;

    public BinaryRowsReader(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            byte[] magic = new byte[BinaryRowsWriter.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, BinaryRowsWriter.MAGIC)) {
                throw damaged("it does not start with " + new String(BinaryRowsWriter.MAGIC) + " (byte 0): not an mrtck binary export");
            }
            int version = in.readUnsignedShort();
            if (version != BinaryRowsWriter.VERSION) {
                throw damaged("format version " + version + " at byte 8 is not one this kit reads (" + BinaryRowsWriter.VERSION + ")");
            }
            table = in.readUTF();
            position = magic.length + 2 + 2 + table.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        } catch (EOFException e) {
            in.close();
            throw damaged("it ends at byte " + size + ", inside its header: truncated");
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The table named in the header. */
    public String table() {
        return table;
    }

    @Override
    public ExportedRow next() throws IOException {
        if (ended) {
            return null;
        }
        long start = position;
        int length = readInt(start, "the length of record " + (records + 1));
        if (length == BinaryRowsWriter.END) {
            long count = readLong(start + 4, "the end marker's row count");
            if (count != records) {
                throw damaged("its end marker at byte " + start + " counts " + count + " rows, the file holds " + records);
            }
            if (position != size) {
                throw damaged((size - position) + " bytes follow its end marker (from byte " + position + ")");
            }
            ended = true;
            return null;
        }
        if (length < 8 || length > size - position - 4) {
            throw damaged("record " + (records + 1) + " at byte " + start + " declares " + length + " bytes, "
                + (size - position) + " remain: truncated or damaged at byte " + start);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        position += length;
        int stored = readInt(start, "the checksum of record " + (records + 1));
        CRC32 crc = new CRC32();
        crc.update(payload);
        if ((int) crc.getValue() != stored) {
            throw damaged("record " + (records + 1) + " (bytes " + start + "–" + (position - 1) + ") fails its checksum: "
                + "damaged at or after byte " + start);
        }
        records++;
        DataInputStream p = new DataInputStream(new ByteArrayInputStream(payload));
        long expiration = p.readLong();
        FieldValue value = FieldValueCodec.read(p);
        return new ExportedRow(value.asMap(), expiration);
    }

    @Override
    public long bytes() {
        return position;
    }

    private int readInt(long recordStart, String what) throws IOException {
        return read(in::readInt, 4, recordStart, what);
    }

    private long readLong(long recordStart, String what) throws IOException {
        return read(in::readLong, 8, recordStart, what);
    }

    /** One fixed-size field; the end of the file in it is a truncation. */
    private <T> T read(Field<T> field, int size, long recordStart, String what) throws IOException {
        try {
            T v = field.read();
            position += size;
            return v;
        } catch (EOFException e) {
            throw truncated(recordStart, what);
        }
    }

    @FunctionalInterface
    private interface Field<T> {
        T read() throws IOException;
    }

    private BackupException truncated(long recordStart, String what) {
        return damaged("it ends at byte " + size + " in " + what + " (from byte " + recordStart + ", after " + records
            + " complete rows): truncated");
    }

    private BackupException damaged(String why) {
        return new BackupException("export file " + file + " is damaged: " + why);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
