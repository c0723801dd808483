package io.mrtck.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A file's SHA-256 and the CRC-32 of each {@value #BLOCK}-byte block, as the manifest records them:
 * the digest proves the file whole, the block checksums say where a damaged one differs.
 */
public record FileChecksums(long bytes, String sha256, List<Long> blockCrc32) {
    public static final int BLOCK = 1 << 16;

    public static FileChecksums of(Path file) throws IOException {
        MessageDigest sha = newSha256();
        List<Long> blocks = new ArrayList<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BLOCK];
            int n;
            while ((n = in.readNBytes(buf, 0, BLOCK)) > 0) {
                sha.update(buf, 0, n);
                CRC32 crc = new CRC32();
                crc.update(buf, 0, n);
                blocks.add(crc.getValue());
                total += n;
            }
        }
        return new FileChecksums(total, HexFormat.of().formatHex(sha.digest()), List.copyOf(blocks));
    }

    /** @throws BackupException naming the file and where it differs from {@code expected} (size, then first differing block) */
    public static void verify(Path file, FileChecksums expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("export file " + file + " is missing");
        }
        FileChecksums actual = of(file);
        if (actual.bytes() < expected.bytes()) {
            throw new BackupException("export file " + file + " is truncated: it ends at byte " + actual.bytes()
                + ", the manifest says " + expected.bytes() + " bytes");
        }
        if (actual.bytes() > expected.bytes()) {
            throw new BackupException("export file " + file + " is " + actual.bytes() + " bytes, the manifest says "
                + expected.bytes() + ": something was added from byte " + expected.bytes());
        }
        for (int i = 0; i < expected.blockCrc32().size(); i++) {
            if (!expected.blockCrc32().get(i).equals(actual.blockCrc32().get(i))) {
                long from = (long) i * BLOCK;
                throw new BackupException("export file " + file + " is damaged: bytes " + from + "–"
                    + (Math.min(expected.bytes(), from + BLOCK) - 1) + " differ from the manifest's checksum");
            }
        }
        if (!actual.sha256().equals(expected.sha256())) {
            throw new BackupException("export file " + file + " does not have the manifest's SHA-256 " + expected.sha256());
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
