package io.mrtck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.topology.embedded.EmbeddedTopology;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.topology.kvhome.Kvhome;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup command lines as an operator runs them against a running topology ({@code mrtck up}'s
 * topology file; admin commands through the reference KVHOME's runadmin), and the workshop's
 * {@code mrtable-agent-stat.sh} against a region of it. An embedded FR/CO topology: the file
 * names each region's admin at its own port, which only the reference's regions serve.
 */
class BackupCommandsIT {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static EmbeddedTopology start(Path dir) {
        return EmbeddedTopology.start(TopologySpec.workshop().withRoot(dir.resolve("topology")).withStatsIntervalSecs(1));
    }

    /** An MR table {@code Users} with three rows (one with a TTL), written in FR and seen in CO. */
    private static void users(EmbeddedTopology t, RegionClients clients) {
        for (String r : new String[] {"FR", "CO"}) {
            clients.handle(r).doTableRequest(new TableRequest().setStatement(
                "CREATE TABLE Users(uid INTEGER, person JSON, PRIMARY KEY(uid)) IN REGIONS FR, CO"), 60_000, 100);
        }
        NoSQLHandle fr = clients.handle("FR");
        for (int i = 1; i <= 3; i++) {
            fr.put(new PutRequest().setTableName("Users").setTTL(i == 1 ? TimeToLive.ofDays(2) : null)
                .setValue(new MapValue().put("uid", i).put("person", new MapValue().put("name", "u" + i))));
        }
        await("the rows reach CO").atMost(BOUND).pollInterval(Duration.ofMillis(50))
            .until(() -> TableFingerprint.read(clients.handle("CO"), "Users", java.util.List.of("uid")).rows().size() == 3);
    }

    @Test
    void freshestBackupAndRestoreRunFromTheCommandLine(@TempDir Path dir) throws IOException {
        try (EmbeddedTopology t = start(dir); RegionClients clients = new RegionClients(t)) {
            users(t, clients);
            String topology = Main.writeTopologyFile(t).toString();
            await("freshest answers once the agents have written statistics").atMost(BOUND).pollInSameThread()
                .pollInterval(Duration.ofMillis(500)).until(() -> Main.run("freshest", "--table", "Users", "--topology", topology) == 0);
            Path backup = dir.resolve("backup");
            assertThat(Main.run("backup", "--table", "Users", "--to", backup.toString(), "--format", "json", "--topology", topology))
                .as("mrtck backup").isZero();
            assertThat(backup.resolve("manifest.json")).exists();
            assertThat(Main.run("restore", "--from", backup.toString(), "--into", "CO", "--quiet-period", "0.5", "--topology",
                topology)).as("mrtck restore").isZero();
            assertThat(TableFingerprint.read(clients.handle("FR"), "Users", java.util.List.of("uid")).rows()).hasSize(3);
            assertThat(Main.run("backup", "--table", "NoSuchTable", "--to", dir.resolve("none").toString(), "--topology",
                topology)).as("a backup of a table that does not exist").isEqualTo(1);
            assertThat(dir.resolve("none")).doesNotExist();
        }
    }

    @Test
    void theWorkshopsAgentStatScriptShowsEachStreamsLag(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v jq").start().waitFor() == 0,
            "mrtable-agent-stat.sh needs jq, which this machine does not have");
        try (EmbeddedTopology t = start(dir); RegionClients clients = new RegionClients(t)) {
            users(t, clients);
            int port = URI.create(t.region("FR").endpoint()).getPort();
            String[] out = new String[1];
            await("the script shows FR's stream from CO").atMost(BOUND).pollInSameThread().pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    out[0] = script(port);
                    return out[0].contains("FR <- CO: laggingMs.max ");
                });
            assertThat(out[0].strip().lines()).as("the script's output").allMatch(l -> l.matches("FR <- CO: laggingMs.max \\d+"));
        }
    }

    private static String script(int port) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("fixtures", "workshop", "mrtable-agent-stat.sh").toString())
            .redirectErrorStream(true);
        pb.environment().put("KVHOME", Kvhome.fromProperty().dir().toString());
        pb.environment().put("KVSTORE", "OUGFR");
        pb.environment().put("KVHOST", "localhost");
        pb.environment().put("KVPORT", Integer.toString(port));
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
