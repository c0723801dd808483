package io.mrtck.reference.kvhome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** The store's life cycle: {@code kvlite}, {@code makebootconfig}, {@code start}, {@code stop}. */
final class StoreCommands {
    static final String BOOT_CONFIG = "mrtck-bootconfig.properties";
    static final String PID_FILE = "mrtck-store.pid";

    private StoreCommands() {
    }

    /** Runs the store in this process until it is stopped (SIGTERM, {@code stop -root}). */
    static int serve(Path root, String host, int port, String storeName) throws InterruptedException {
        PidFile pid = new PidFile(root.resolve(PID_FILE));
        pid.process().ifPresent(p -> {
            throw new IllegalStateException("a store is already running from " + root + " (pid " + p.pid() + ")");
        });
        RegionOptions options = RegionOptions.of(root.resolve("store")).withPort(port).withStoreName(storeName)
            .withMutants(Mutant.fromProperty());
        ReferenceRegion region;
        try {
            region = ReferenceRegion.start(options);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the store on port " + port
                + " (is the port already in use?): " + e.getMessage(), e);
        }
        pid.claim();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            region.close();
            stopped.countDown();
        }, "mrtck-store-shutdown"));
        String name = region.admin().storeName();
        System.out.println("Store " + (name == null ? "(not configured yet)" : name) + " running on "
            + host + ":" + port + ", root " + root);
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Options of the real commands that mean nothing to a 1x1 reference: named, not refused. */
    static void ignored(List<String> unmatched) {
        if (unmatched != null && !unmatched.isEmpty()) {
            System.err.println("note: the reference ignores " + String.join(" ", unmatched));
        }
    }

    @Command(name = "kvlite", description = "Run a one-node store in the foreground.")
    static final class KvLite implements Callable<Integer> {
        @Option(names = "-root", defaultValue = "./kvroot") Path root;
        @Option(names = "-store", defaultValue = "kvstore") String store;
        @Option(names = "-host", defaultValue = "localhost") String host;
        @Option(names = "-port", defaultValue = "5000") int port;
        @Unmatched List<String> unmatched = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            ignored(unmatched);
            System.out.println("Created new kvlite store with args:\n-root " + root + " -store " + store
                + " -host " + host + " -port " + port);
            return serve(root, host, port, store);
        }
    }

    @Command(name = "makebootconfig", description = "Write a storage node's boot configuration.")
    static final class MakeBootConfig implements Callable<Integer> {
        @Option(names = "-root", required = true) Path root;
        @Option(names = "-port", required = true) int port;
        @Option(names = "-host", required = true) String host;
        @Option(names = "-harange") String harange;
        @Option(names = "-store-security", defaultValue = "none") String security;
        @Option(names = "-force") boolean force;
        @Unmatched List<String> unmatched = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (!security.equals("none")) {
                throw new IllegalArgumentException("-store-security " + security
                    + ": the reference runs non-secure stores only (-store-security none)");
            }
            ignored(unmatched);
            // As the real one: the operator creates the root first; a missing one is refused
            // (with -force the real command goes on and then fails writing security.policy).
            String problem = rootProblem();
            if (problem != null) {
                System.err.println(problem);
                if (!force) {
                    System.err.println("Usage: java -jar KVHOME/lib/kvstore.jar makebootconfig -root <rootDirectory> "
                        + "-host <hostname> -harange <startPort,endPort> -port <port> [-store-security none] [-force]");
                    return 2;
                }
                throw new IllegalStateException("java.io.IOException: No such file or directory, creating "
                    + root.toAbsolutePath().resolve("security.policy"));
            }
            Properties p = new Properties();
            p.setProperty("host", host);
            p.setProperty("port", Integer.toString(port));
            p.setProperty("harange", harange == null ? "" : harange);
            try (var out = Files.newBufferedWriter(root.resolve(BOOT_CONFIG))) {
                p.store(out, "makebootconfig (mrtck reference)");
            }
            return 0;
        }

        /** The real BootConfigVerifier's words for a root that is missing or not a directory; null if fine. */
        private String rootProblem() {
            Path abs = root.toAbsolutePath();
            if (!Files.exists(abs)) {
                return "Specified rootDir " + abs + " does not exist";
            }
            if (!Files.isDirectory(abs)) {
                return "Specified rootDir " + abs + " is not a directory";
            }
            return null;
        }
    }

    @Command(name = "start", description = "Start the storage node of a boot configuration (foreground).")
    static final class Start implements Callable<Integer> {
        @Option(names = "-root", required = true) Path root;
        @Unmatched List<String> unmatched = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            ignored(unmatched);
            Path config = root.resolve(BOOT_CONFIG);
            if (!Files.exists(config)) {
                throw new IllegalArgumentException("no boot configuration in " + root
                    + ": run makebootconfig -root " + root + " first");
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(config)) {
                p.load(in);
            }
            return serve(root, p.getProperty("host"), Integer.parseInt(p.getProperty("port")), null);
        }
    }

    @Command(name = "stop", description = "Stop the storage node started from -root.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "-root", required = true) Path root;
        @Unmatched List<String> unmatched = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            ignored(unmatched);
            ProcessHandle p = new PidFile(root.resolve(PID_FILE)).process()
                .orElseThrow(() -> new IllegalStateException("no store is running from " + root));
            if (!PidFile.stop(p, Duration.ofSeconds(30))) {
                System.err.println("the store (pid " + p.pid() + ") did not stop within 30 s; killed it");
            }
            System.out.println("Stopped the store of " + root);
            return 0;
        }
    }
}
