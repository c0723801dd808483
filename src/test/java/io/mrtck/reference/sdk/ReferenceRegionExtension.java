package io.mrtck.reference.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import oracle.nosql.driver.NoSQLHandle;

/**
 * Starts one reference region per test class in a temporary directory and injects it
 * ({@link RegionUnderTest}, or just its {@link NoSQLHandle}). The region, its handle and
 * its directory are released when the class is done, also when a test failed.
 */
public final class ReferenceRegionExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(ReferenceRegionExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return type == RegionUnderTest.class || type == NoSQLHandle.class
            || (type == MutableClock.class && clockOf(ctx) != null);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        ExtensionContext classContext = ctx.getTestClass().isPresent() && ctx.getTestMethod().isPresent()
            ? ctx.getParent().orElse(ctx) : ctx;
        ControlledClock annotation = clockOf(ctx);
        Resource r = classContext.getStore(NS).getOrComputeIfAbsent(Resource.class,
            k -> new Resource(annotation == null ? null : new MutableClock(Instant.parse(annotation.start()))),
            Resource.class);
        Class<?> type = p.getParameter().getType();
        if (type == MutableClock.class) {
            return r.clock;
        }
        return type == NoSQLHandle.class ? r.region.handle() : r.region;
    }

    private static ControlledClock clockOf(ExtensionContext ctx) {
        return ctx.getTestClass().map(c -> c.getAnnotation(ControlledClock.class)).orElse(null);
    }

    /** The region and its directory, closed by JUnit when the owning context ends. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Path root;
        final RegionUnderTest region;
        final MutableClock clock;

        Resource(MutableClock clock) {
            this.clock = clock;
            try {
                root = Files.createTempDirectory("mrtck-region-");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a region directory", e);
            }
            region = new RegionUnderTest(root, clock);
        }

        @Override
        public void close() throws IOException {
            try {
                region.close();
            } finally {
                try (Stream<Path> files = Files.walk(root)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
