package io.mrtck.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.mrtck.client.CanonicalJson;
import io.mrtck.client.ValueShape;

/**
 * A table's rows as a backup compares them: by primary key, each row's value (as {@link
 * CanonicalJson}, counters included) and expiration time; modification times are left out (a
 * restore writes new ones). Its digest is the table fingerprint a manifest records.
 */
public final class TableImage {
    /** One row: its canonical value and its expiration time (0 = none). */
    public record Row(String value, long expiration) {
        @Override
        public String toString() {
            return value + " (expires " + (expiration == 0 ? "never" : expiration) + ")";
        }
    }

    private final TableDefinition table;
    private final ValueShape shape;
    private final SortedMap<String, Row> rows = new TreeMap<>();

    public TableImage(TableDefinition table) {
        this.table = table;
        this.shape = table.shape();
    }

    public void add(ExportedRow row) {
        rows.put(key(row), new Row(CanonicalJson.of(row.value(), shape), row.expiration()));
    }

    /** The canonical primary key of a row. */
    public String key(ExportedRow row) {
        return CanonicalJson.of(table.key(row.value()), shape);
    }

    public Map<String, Row> rows() {
        return Collections.unmodifiableSortedMap(rows);
    }

    /** SHA-256 over every row in key order. */
    public String digest() {
        MessageDigest sha = FileChecksums.newSha256();
        rows.forEach((k, r) -> sha.update((k + "\t" + r.value() + "\t" + r.expiration() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
