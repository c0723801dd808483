package io.mrtck.reference.agent;

/** The link to a remote region is down (partitioned, the region stopped); the agent retries. */
public final class RegionUnreachableException extends RuntimeException {
    public RegionUnreachableException(String message) {
        super(message);
    }
}
