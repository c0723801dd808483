package io.mrtck.client;

/**
 * What a region shows of one row through the SDK: its value as {@link CanonicalJson} (so
 * equal images mean equal rows, whatever order a region gives JSON members in), its
 * modification time and its expiration time (0 = never).
 */
public record RowImage(String valueJson, long modificationTime, long expirationTime) {

    @Override
    public String toString() {
        return valueJson + " (modified " + modificationTime + ", expires " + expirationTime + ")";
    }
}
