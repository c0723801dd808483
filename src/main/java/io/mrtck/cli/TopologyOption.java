package io.mrtck.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import io.mrtck.topology.Topology;
import io.mrtck.topology.external.ExternalTopology;
import io.mrtck.topology.kvhome.Kvhome;
import picocli.CommandLine.Option;

/**
 * The running topology a backup command works on: the {@code external} target's properties
 * ({@link ExternalTopology}: regions, each region's SDK endpoint, admin host:port and store, and
 * the KVHOME whose runadmin reaches the admins), from {@code --topology FILE} or from {@code -D}
 * system properties. {@code mrtck up} writes such a file for the topology it starts.
 */
final class TopologyOption {
    @Option(names = "--topology", description = "Properties of the running topology (mrtck.external.regions, "
        + "mrtck.external.<R>.endpoint|admin|store, mrtck.kvhome); default: the -D system properties. "
        + "'mrtck up' writes one as <root>/topology.properties.")
    Path file;

    /** Whether a topology is named, by file or by system properties. */
    boolean given() {
        return file != null || System.getProperty(ExternalTopology.PREFIX + "regions") != null;
    }

    /** The topology, and the directory its admin commands log into, removed on close. */
    record Opened(Topology topology, Path logDir) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            topology.close();
            try (Stream<Path> s = Files.walk(logDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Opened open() throws IOException {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            }
        }
        Kvhome kvhome = new Kvhome(Path.of(props.getProperty(Kvhome.PROPERTY, "target/kvhome")));
        Path logs = Files.createTempDirectory("mrtck-admin-");
        try {
            return new Opened(ExternalTopology.fromProperties(props, kvhome, logs), logs);
        } catch (RuntimeException e) {
            Files.deleteIfExists(logs);
            throw e;
        }
    }
}
