package io.mrtck.reference.data;

/**
 * Size limits of the region. An on-premises proxy applies none of the cloud's request limits
 * (its tenant manager has none) and the store has no row-size or batch-size limit; see README,
 * "Limits".
 *
 * @param maxKeyBytes     the largest serialized primary key the store writes; a longer key is
 *                        answered as the real store does, with a request timeout
 * @param maxRequestBytes HTTP request body: the reference's own guard against unbounded
 *                        memory, far above any size a real deployment was seen to accept
 */
public record Limits(int maxKeyBytes, int maxRequestBytes) {

    /** An on-premises region's limits. */
    public static Limits defaults() {
        return new Limits(64 * 1024 - 1, 32 * 1024 * 1024);
    }
}
