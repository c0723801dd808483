package io.mrtck.reference.data;

import io.mrtck.reference.store.StoredRow;

/**
 * What a put or delete did.
 *
 * @param success  whether the write happened
 * @param version  the new version when a put happened, else null
 * @param existing the existing row when the client asked for it and the rules return it
 *                 (a failed conditional put, a delete), else null
 */
public record WriteOutcome(boolean success, byte[] version, StoredRow existing) {
}
