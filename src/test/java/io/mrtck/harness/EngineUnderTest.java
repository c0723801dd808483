package io.mrtck.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.mrtck.topology.Targets;
import io.mrtck.topology.kvhome.Kvhome;
import org.junit.jupiter.api.Assumptions;

/**
 * Which engine answers the suites: the kit's reference region (the embedded target, or the
 * process/containers targets started from the reference's KVHOME) or another one (external
 * regions, or a KVHOME of a real release). A behaviour no real deployment has shown and no
 * documentation promises is checked on the reference only (docs/suite-behaviours.md), so it
 * can never fail a real run.
 */
public final class EngineUnderTest {
    /** The Main-Class of the reference KVHOME's {@code lib/kvstore.jar} (a real one names an oracle.kv class). */
    static final String REFERENCE_MAIN_PREFIX = "io.mrtck.reference.";

    private EngineUnderTest() {
    }

    public static boolean isReference() {
        return switch (Targets.selected()) {
            case "embedded" -> true;
            case "process", "containers" -> isReferenceKvhome(kvhomeDir());
            default -> false;
        };
    }

    /**
     * Skips the calling test, with the reason in the report, unless the engine is the reference:
     * {@code behaviour} is known only from the reference and is to be confirmed on a real deployment.
     */
    public static void requireReference(String behaviour) {
        Assumptions.assumeTrue(isReference(), "reference only, to confirm on a real deployment "
            + "(docs/suite-behaviours.md): " + behaviour + "; the engine under test is not the reference ("
            + Targets.selected() + ")");
    }

    /** A KVHOME is the reference's when its kvstore.jar starts the reference; unreadable means not. */
    static boolean isReferenceKvhome(Path dir) {
        try (JarFile jar = new JarFile(dir.resolve("lib/kvstore.jar").toFile())) {
            Manifest m = jar.getManifest();
            String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith(REFERENCE_MAIN_PREFIX);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path kvhomeDir() {
        try {
            return Kvhome.fromProperty().dir();
        } catch (IllegalArgumentException e) {
            return Path.of(System.getProperty(Kvhome.PROPERTY, "target/kvhome"));
        }
    }
}
