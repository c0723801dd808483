package io.mrtck.model;

import com.fasterxml.jackson.databind.JsonNode;

/** What a region showed of a row through the SDK: its value (null: no row), modification and expiration time. */
public record Shown(JsonNode value, long modificationTime, long expirationTime) {
    public static final Shown ABSENT = new Shown(null, 0, 0);

    public boolean present() {
        return value != null;
    }

    @Override
    public String toString() {
        return value == null ? "(no row)" : value + " (modified " + modificationTime + ", expires " + expirationTime + ")";
    }
}
