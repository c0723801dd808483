package io.mrtck.topology.kvhome;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory laid out like an Oracle NoSQL release: {@code lib/kvstore.jar} and {@code
 * lib/httpproxy.jar}. The reference's own is {@code target/kvhome} ({@code mvn package});
 * a real one is chosen with {@code -Dmrtck.kvhome=/path/to/kv-XX.Y.Z} (Enterprise Edition:
 * the Community Edition has no XRegion service).
 */
public record Kvhome(Path dir) {
    public static final String PROPERTY = "mrtck.kvhome";

    /** Checks the layout first, so that a wrong KVHOME fails before anything starts. */
    public Kvhome {
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("KVHOME " + dir + " is not a directory (-D" + PROPERTY
                + "; run mvn package for the reference KVHOME in target/kvhome)");
        }
        for (Path jar : new Path[] {dir.resolve("lib/kvstore.jar"), dir.resolve("lib/httpproxy.jar")}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("KVHOME " + dir + " has no " + dir.relativize(jar)
                    + ": not an Oracle NoSQL release layout (-D" + PROPERTY + "=<kv-XX.Y.Z>, or mvn package "
                    + "for the reference KVHOME in target/kvhome)");
            }
        }
    }

    /** {@code -Dmrtck.kvhome}, default {@code target/kvhome}. */
    public static Kvhome fromProperty() {
        return new Kvhome(Path.of(System.getProperty(PROPERTY, "target/kvhome")));
    }

    public Path kvstoreJar() {
        return dir.resolve("lib/kvstore.jar");
    }

    public Path httpproxyJar() {
        return dir.resolve("lib/httpproxy.jar");
    }
}
