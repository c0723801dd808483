package io.mrtck.reference.data;

import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;

/**
 * What a put or delete did.
 *
 * @param success   whether the write happened
 * @param version   the new version when a put happened, else null
 * @param existing  the existing row when the client asked for it and the rules return it
 *                  (a failed conditional put, a delete), else null
 * @param generated the value the store generated for an identity or UUID column, else null
 */
public record WriteOutcome(boolean success, byte[] version, StoredRow existing, FieldValue generated) {

    public WriteOutcome(boolean success, byte[] version, StoredRow existing) {
        this(success, version, existing, null);
    }

    WriteOutcome withGenerated(FieldValue value) {
        return value == null ? this : new WriteOutcome(success, version, existing, value);
    }
}
