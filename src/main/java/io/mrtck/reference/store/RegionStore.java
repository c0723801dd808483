package io.mrtck.reference.store;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * A region's durable store (Berkeley DB Java Edition): the catalog and the rows, in one
 * transactional environment under one directory.
 */
public final class RegionStore implements AutoCloseable {

    public static RegionStore open(Path directory) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Runs {@code work} in one transaction: committed durably when it returns, aborted if it throws. */
    public <T> T write(Function<StoreTxn, T> work) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Runs {@code work} in a read-only transaction. */
    public <T> T read(Function<StoreTxn, T> work) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
