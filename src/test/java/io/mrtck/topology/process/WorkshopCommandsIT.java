package io.mrtck.topology.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.harness.MrFixture;
import io.mrtck.topology.kvhome.KvCommands;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.SdkReadiness;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableLimits;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The workshop (shared/seed/workshop.md) run verbatim against the reference KVHOME: its shell
 * lines through bash with its variables (KVHOME, KVSTORE, KVHOST, KVXRS), its files from
 * fixtures/workshop, then the Users DDL and DML through the SDK. The one change: both
 * regions share this machine, so the store port 5000 of the workshop's bare servers becomes
 * a free port per region (in the runadmin lines and the xrstart templates' helpers).
 */
@Order(3) // one of the longest classes: started first, so that it does not run alone at the end
class WorkshopCommandsIT {
    private static final Path FIXTURES = Path.of("fixtures", "workshop").toAbsolutePath();
    /**
     * The workshop's {@code java} commands run as written; the launcher also reads these options
     * from the environment: C1 only, serial GC, as the process target's JVMs run (two-core CI).
     */
    private static final String FAST_START_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    private final List<Process> services = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();
    private Kvhome kvhome;
    private Path work;

    @Test
    void theWorkshopsCommandsDeployTwoRegionsThatReplicate(@TempDir Path dir) throws Exception {
        kvhome = Kvhome.fromProperty();
        work = dir;
        int fr = ProcessTopology.freePort();
        int co = ProcessTopology.freePort();
        Map<String, Integer> ports = Map.of("OUGFR", fr, "OUGCO", co);
        Map<String, Integer> http = Map.of("OUGFR", ProcessTopology.freePort(), "OUGCO", ProcessTopology.freePort());

        for (String store : List.of("OUGFR", "OUGCO")) {
            deploy(store, ports.get(store));
        }
        for (String store : List.of("OUGFR", "OUGCO")) {
            startAgent(store, fr, co);
        }
        for (String store : List.of("OUGFR", "OUGCO")) {
            // 2- Set Local Region Name and Create Remote Regions: kv_admin load -file ${KVSTORE}.kvs
            bash(store, ports.get(store), "cp " + FIXTURES + "/${KVSTORE}.kvs . && "
                + "java -jar $KVHOME/lib/kvstore.jar runadmin -port $PORT -host $KVHOST -store $KVSTORE load -file ${KVSTORE}.kvs");
            services.add(start(store + "-proxy.log", "java", "-jar", kvhome.httpproxyJar().toString(), "-storeName", store,
                "-helperHosts", "localhost:" + ports.get(store), "-httpPort", Integer.toString(http.get(store))));
        }

        String ddl = Files.readString(FIXTURES.resolve("users-mr-table.ddl")).strip();
        try (NoSQLHandle frSdk = handle(http.get("OUGFR")); NoSQLHandle coSdk = handle(http.get("OUGCO"))) {
            for (NoSQLHandle h : List.of(frSdk, coSdk)) {
                h.doTableRequest(new TableRequest().setStatement(ddl).setTableLimits(new TableLimits(10, 10, 1)),
                    60_000, 200);
            }
            for (String dml : Files.readAllLines(FIXTURES.resolve("users-dml.sql"))) {
                if (!dml.isBlank()) {
                    try (QueryRequest q = new QueryRequest().setStatement(dml.strip().replaceAll(";$", ""))) {
                        do {
                            frSdk.query(q);
                        } while (!q.isDone());
                    }
                }
            }
            // the workshop's first write to a new MR table may take a while (agents discover the table)
            await("the workshop's rows replicated to CO").atMost(MrFixture.firstWriteTimeout()).untilAsserted(() -> {
                MapValue one = coSdk.get(new GetRequest().setTableName("users").setKey(new MapValue().put("uid", 1))).getValue();
                MapValue two = coSdk.get(new GetRequest().setTableName("users").setKey(new MapValue().put("uid", 2))).getValue();
                assertThat((Object) one).as("CO uid 1").isNotNull();
                assertThat((Object) two).as("CO uid 2").isNotNull();
                assertThat(one.get("person").asMap().get("location").getString()).as("CO uid 1 location").isEqualTo("CO");
                assertThat(two.get("person").asMap().get("location").getString()).as("CO uid 2 location").isEqualTo("FR");
            });
        }
        String stats = bash("OUGCO", co, "java -jar $KVHOME/lib/kvstore.jar runadmin -port $PORT -host $KVHOST -store $KVSTORE "
            + "show mrtable-agent-statistics -agent 0 -json");
        // the workshop's config keeps the real 60 s statistics interval: the command answers, maybe with no interval yet
        assertThat(stats).as("CO's agent statistics").contains("\"returnCode\":5000");
    }

    /** Deploy your clusters: boot, start (nohup, background), the template with the two sed lines, runadmin load. */
    private void deploy(String store, int port) throws Exception {
        Path root = work.resolve(store + "-kvroot");
        bash(store, port, "mkdir -p $KVROOT && java -jar $KVHOME/lib/kvstore.jar makebootconfig -root $KVROOT -port $PORT -host $KVHOST "
            + "-harange " + (port + 1) + "," + (port + 2) + " -store-security none -force");
        services.add(start(store + "-store.log", "java", "-jar", kvhome.kvstoreJar().toString(), "start", "-root", root.toString()));
        stops.add("java -jar " + kvhome.kvstoreJar() + " stop -root " + root);
        awaitPing(port);
        bash(store, port, String.join("\n",
            "cp " + FIXTURES + "/template_config1x1.kvs ${KVSTORE}_config1x1.kvs",
            "sed -i \"s/<HERE>/$KVSTORE/g\" ${KVSTORE}_config1x1.kvs",
            "sed -i \"s/<HERE_HOST>/$KVHOST/g\" ${KVSTORE}_config1x1.kvs",
            "java -jar $KVHOME/lib/kvstore.jar runadmin -port $PORT -host localhost load -file ${KVSTORE}_config1x1.kvs"));
    }

    /** 1- Configure and Start XRegion Service: the template to $KVXRS/json.config, xrstart (nohup &, then xrstatus for the sleep 5). */
    private void startAgent(String store, int fr, int co) throws Exception {
        int port = store.equals("OUGFR") ? fr : co;
        bash(store, port, String.join("\n",
            "mkdir -p $KVXRS",
            "cp " + FIXTURES + "/${KVSTORE}_template.json $KVXRS/json.config",
            // the one edit for a single machine: the workshop's hosts and path
            "sed -i -e \"s#node1-nosql:5000#localhost:" + fr + "#\" -e \"s#node2-nosql:5000#localhost:" + co + "#\" "
                + "-e \"s#\\\"path\\\": \\\"[^\\\"]*\\\"#\\\"path\\\": \\\"$KVXRS\\\"#\" $KVXRS/json.config"));
        Path xrs = work.resolve(store + "-xrs");
        services.add(start(store + "-xrs-nohup.out", "java", "-Xms256m", "-Xmx2048m", "-jar", kvhome.kvstoreJar().toString(),
            "xrstart", "-config", xrs.resolve("json.config").toString()));
        stops.add("java -jar " + kvhome.kvstoreJar() + " xrstop -config " + xrs.resolve("json.config"));
        await("xrstatus of " + store).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> run(List.of("java", "-jar", kvhome.kvstoreJar().toString(), "xrstatus", "-config",
                xrs.resolve("json.config").toString()), Map.of()).exit() == 0);
    }

    private void awaitPing(int port) {
        await("store on port " + port + " answers ping").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> run(List.of("java", "-jar", kvhome.kvstoreJar().toString(), "ping", "-host", "localhost", "-port",
                Integer.toString(port)), Map.of()).exit() == 0);
    }

    private String bash(String store, int port, String script) throws Exception {
        Map<String, String> env = Map.of("KVHOME", kvhome.dir().toString(), "KVSTORE", store, "KVHOST", "localhost",
            "KVROOT", work.resolve(store + "-kvroot").toString(), "KVXRS", work.resolve(store + "-xrs").toString(),
            "PORT", Integer.toString(port));
        KvCommands.Result r = run(List.of("bash", "-ec", script), env);
        assertThat(r.exit()).as("exit of:\n" + script + "\noutput:\n" + r.output()).isZero();
        return r.output();
    }

    private KvCommands.Result run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("JDK_JAVA_OPTIONS", FAST_START_JVM);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ended: " + cmd).isTrue();
        return new KvCommands.Result(p.exitValue(), out);
    }

    private Process start(String log, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile());
        pb.environment().put("JDK_JAVA_OPTIONS", FAST_START_JVM);
        return pb.start();
    }

    private static NoSQLHandle handle(int port) {
        String endpoint = "http://localhost:" + port;
        SdkReadiness.await(endpoint, Duration.ofSeconds(60), "proxy " + endpoint);
        NoSQLHandleConfig c = new NoSQLHandleConfig(endpoint);
        c.setAuthorizationProvider(new StoreAccessTokenProvider());
        return NoSQLHandleFactory.createNoSQLHandle(c);
    }

    /** xrstop and stop -root as a user would, then anything still running of ours. */
    @AfterEach
    void stopEverything() throws Exception {
        for (int i = stops.size() - 1; i >= 0; i--) {
            run(List.of("bash", "-c", stops.get(i)), Map.of());
        }
        for (Process p : services) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (Process p : services) {
            assertThat(p.isAlive()).as("still running: " + p.info().commandLine().orElse("?")).isFalse();
        }
    }
}
