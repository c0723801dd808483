package io.mrtck.topology.external;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.mrtck.topology.AdminAccess;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Agent;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import io.mrtck.topology.kvhome.KvCommands;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.WorkshopFiles;

/**
 * The {@code external} target: regions that already run somewhere. It never starts or stops
 * anything and offers no fault hook. Configured by properties:
 * <pre>
 * mrtck.external.regions=FR,CO
 * mrtck.external.FR.endpoint=http://node1-nosql:8080     the region's HTTP proxy (SDK endpoint)
 * mrtck.external.FR.store=OUGFR                          store name (default OUG&lt;region&gt;)
 * mrtck.external.FR.admin=node1-nosql:5000               admin host:port, for runadmin
 * mrtck.kvhome=/path/to/kv-25.3.x                        whose lib/kvstore.jar runs runadmin
 * </pre>
 */
public final class ExternalTopology implements Topology {
    public static final String PREFIX = "mrtck.external.";
    private final List<Region> regions;

    private ExternalTopology(List<Region> regions) {
        this.regions = regions;
    }

    /** Reads the regions from {@code props}; a missing property is named in the error. */
    public static ExternalTopology fromProperties(Properties props, Kvhome kvhome, Path logDir) {
        String names = props.getProperty(PREFIX + "regions");
        if (names == null || names.isBlank()) {
            throw new IllegalArgumentException("the external target needs -D" + PREFIX + "regions=FR,CO and, per region, -D"
                + PREFIX + "<R>.endpoint=http://host:port and -D" + PREFIX + "<R>.admin=host:port");
        }
        try {
            Files.createDirectories(logDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        KvCommands kv = new KvCommands(kvhome, logDir, List.of());
        List<Region> out = new ArrayList<>();
        for (String n : names.split(",")) {
            String name = n.strip();
            String endpoint = required(props, name, "endpoint");
            String admin = required(props, name, "admin");
            String store = props.getProperty(PREFIX + name + ".store", "OUG" + name);
            int colon = admin.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(PREFIX + name + ".admin must be host:port, is " + admin);
            }
            out.add(new ExternalRegion(name, store, endpoint, admin.substring(0, colon), admin.substring(colon + 1), kv));
        }
        return new ExternalTopology(List.copyOf(out));
    }

    private static String required(Properties props, String region, String key) {
        String v = props.getProperty(PREFIX + region + "." + key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the external target needs -D" + PREFIX + region + "." + key);
        }
        return v.strip();
    }

    private record ExternalRegion(String name, String storeName, String endpoint, String host, String port,
                                  KvCommands kv) implements Region {
        @Override
        public AdminAccess admin() {
            return line -> {
                List<String> args = new ArrayList<>(List.of("runadmin", "-host", host, "-port", port, "-store", storeName));
                args.addAll(WorkshopFiles.adminWords(line));
                KvCommands.Result r = kv.run(Duration.ofMinutes(2), args);
                if (r.exit() != 0) {
                    throw new AdminCommandException(r.output().strip());
                }
                return r.output().strip();
            };
        }

        @Override
        public Agent agent() {
            return new Agent() {
                @Override
                public String id() {
                    return "XRegionService-1_0";
                }

                @Override
                public void pause() {
                    throw unsupported();
                }

                @Override
                public void resume() {
                    throw unsupported();
                }

                @Override
                public void kill() {
                    throw unsupported();
                }

                @Override
                public void restart() {
                    throw unsupported();
                }

                @Override
                public boolean isRunning() {
                    return true; // not ours to know or change; the statistics tell
                }
            };
        }

        @Override
        public void restart() {
            throw unsupported();
        }

        @Override
        public void skewClock(Duration offset) {
            throw unsupported();
        }

        @Override
        public void freezeClock(Instant at) {
            throw unsupported();
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("the external target never changes the deployment it is given");
        }
    }

    @Override
    public List<Region> regions() {
        return regions;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public void partition(String a, String b) {
        throw new UnsupportedOperationException("the external target has no fault hooks");
    }

    @Override
    public void heal(String a, String b) {
        throw new UnsupportedOperationException("the external target has no fault hooks");
    }

    @Override
    public void addLatency(String from, String to, Duration latency) {
        throw new UnsupportedOperationException("the external target has no fault hooks");
    }

    /** Nothing to stop: the deployment is not ours. */
    @Override
    public void close() {
    }
}
