package io.mrtck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.mrtck.client.RegionClients;
import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import oracle.nosql.driver.NoSQLHandle;

/** A reference region in a temporary directory with an SDK handle to it; closing removes everything. */
final class ScratchRegion implements AutoCloseable {
    final Path root;
    final ReferenceRegion region;
    final NoSQLHandle handle;

    private ScratchRegion(Path root, ReferenceRegion region, NoSQLHandle handle) {
        this.root = root;
        this.region = region;
        this.handle = handle;
    }

    /** A directory for benchmark data (start regions in it with {@link #start}); remove it with {@link #delete}. */
    static Path directory(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    static ScratchRegion start(Path root) {
        ReferenceRegion region = ReferenceRegion.start(RegionOptions.of(root));
        return new ScratchRegion(root, region, RegionClients.open(region.endpoint(), 10_000));
    }

    static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            handle.close();
        } finally {
            region.close();
        }
    }
}
