package io.mrtck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.mrtck.topology.Targets;
import io.mrtck.topology.Topology;
import io.mrtck.topology.embedded.TopologySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Cold start of a whole topology (two regions + two agents) on a target, from nothing to
 * every part ready (admin ping, SDK answering, agents running), and its stop. For
 * containers the images are built (or reused) once before the timed runs.
 */
@Command(name = "bench-topology", mixinStandardHelpOptions = true,
    description = "Time the cold start and stop of a FR/CO topology on a target (embedded, process, containers).")
final class BenchTopology implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "process", description = "embedded, process or containers (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--runs", defaultValue = "3", description = "Timed starts (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--root", description = "Where topologies keep their files and logs (default target/mrtck-topologies).")
    Path root;

    @Override
    public Integer call() {
        if (!Targets.NAMES.contains(target) || target.equals("external")) {
            throw new IllegalArgumentException("--target must be embedded, process or containers, is " + target);
        }
        Targets.unavailable(target).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        TopologySpec spec = TopologySpec.workshop().withRoot(root);
        if (target.equals("containers")) {
            // builds the images once, outside the timed runs
            Targets.start(target, spec).close();
        }
        List<Long> starts = new ArrayList<>();
        List<Long> stops = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Topology t = Targets.start(target, spec);
            long t1 = System.nanoTime();
            t.close();
            long t2 = System.nanoTime();
            starts.add((t1 - t0) / 1_000_000);
            stops.add((t2 - t1) / 1_000_000);
            System.out.printf("run %d: start %.1f s, stop %.1f s%n", i + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
        System.out.printf("%s topology FR/CO (2 regions + 2 agents): cold start min %.1f s, median %.1f s, max %.1f s; "
                + "stop median %.1f s (%d runs)%n", target, min(starts) / 1e3, median(starts) / 1e3, max(starts) / 1e3,
            median(stops) / 1e3, runs);
        return 0;
    }

    private static long min(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long median(List<Long> v) {
        List<Long> s = v.stream().sorted().toList();
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }
}
