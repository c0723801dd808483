package io.mrtck.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mrtck.topology.containers.ContainersTopology;
import io.mrtck.topology.embedded.EmbeddedTopology;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.topology.external.ExternalTopology;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.process.ProcessTopology;

/**
 * Where a topology runs, chosen by {@code -Dmrtck.target}: {@code embedded} (default, the
 * reference in this JVM), {@code process} (a KVHOME's commands as local processes), {@code
 * containers} (Testcontainers; needs a Docker engine) or {@code external} (regions that
 * already run; see {@link ExternalTopology}). {@code -Dmrtck.kvhome} picks the KVHOME.
 */
public final class Targets {
    public static final String PROPERTY = "mrtck.target";
    public static final List<String> NAMES = List.of("embedded", "process", "containers", "external");

    private Targets() {
    }

    public static String selected() {
        String t = System.getProperty(PROPERTY, "embedded").strip();
        if (!NAMES.contains(t)) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + t + " is not a target; targets: " + NAMES);
        }
        return t;
    }

    /** Why {@code target} cannot run on this machine (tests skip with it), or empty when it can. */
    public static Optional<String> unavailable(String target) {
        return target.equals("containers") ? ContainersTopology.unavailable() : Optional.empty();
    }

    /** Starts {@code spec} on {@code target}; fails before anything starts when the target cannot run. */
    public static Topology start(String target, TopologySpec spec) {
        return switch (target) {
            case "embedded" -> EmbeddedTopology.start(spec);
            case "process" -> ProcessTopology.start(spec, Kvhome.fromProperty());
            case "containers" -> ContainersTopology.start(spec, Kvhome.fromProperty());
            case "external" -> ExternalTopology.fromProperties(System.getProperties(), Kvhome.fromProperty(),
                Path.of("target", "mrtck-topologies", "external"));
            default -> throw new IllegalArgumentException("unknown target " + target + "; targets: " + NAMES);
        };
    }
}
