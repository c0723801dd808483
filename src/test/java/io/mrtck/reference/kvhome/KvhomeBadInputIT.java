package io.mrtck.reference.kvhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.topology.Targets;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.process.ProcessTopology;

/**
 * Bad input to the KVHOME commands and targets: each is a clear error before anything
 * half-starts, and nothing is left running. Runs the packaged KVHOME (target/kvhome).
 */
class KvhomeBadInputIT {
    private final Kvhome kvhome = Kvhome.fromProperty();

    record Run(int exit, String output) {
    }

    private Run run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ended: " + cmd + "\n" + out).isTrue();
        assertThat(p.descendants().filter(ProcessHandle::isAlive).toList()).as("children left by " + cmd).isEmpty();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aKvhomeWithoutKvstoreJarIsRefusedBeforeAnythingStarts(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/httpproxy.jar"), "not a release");
        assertThatThrownBy(() -> ProcessTopology.start(TopologySpec.workshop().withRoot(dir.resolve("runs")),
            new Kvhome(dir)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("has no lib/kvstore.jar").hasMessageContaining("mrtck.kvhome");
        assertThat(dir.resolve("runs")).as("no topology directory: nothing started").doesNotExist();
    }

    @Test
    void kvliteOnAPortAlreadyTakenSaysSoAndExits(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = run(dir, Map.of(), "-jar", kvhome.kvstoreJar().toString(), "kvlite", "-root", dir.resolve("kvroot").toString(),
                "-store", "OUGFR", "-host", "localhost", "-port", Integer.toString(taken.getLocalPort()));
            assertThat(r.exit()).as(r.output()).isEqualTo(1);
            assertThat(r.output()).contains("cannot start the store on port " + taken.getLocalPort())
                .contains("already in use");
            assertThat(dir.resolve("kvroot/" + StoreCommands.PID_FILE)).as("no pid file of a store that never ran").doesNotExist();
        }
    }

    @Test
    void makebootconfigRefusesARootThatDoesNotExistAsTheRealOneDoes(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("kvroot");
        List<String> args = List.of("-jar", kvhome.kvstoreJar().toString(), "makebootconfig", "-root", root.toString(),
            "-port", "5000", "-host", "localhost", "-harange", "5010,5020", "-store-security", "none");

        Run forced = run(dir, Map.of(), concat(args, "-force"));
        assertThat(forced.exit()).as("with -force: goes on, then fails writing security.policy\n" + forced.output())
            .isEqualTo(1);
        assertThat(forced.output()).contains("Specified rootDir " + root.toAbsolutePath() + " does not exist");

        Run plain = run(dir, Map.of(), args.toArray(String[]::new));
        assertThat(plain.exit()).as("without -force: the usage exit\n" + plain.output()).isEqualTo(2);
        assertThat(plain.output()).contains("Specified rootDir " + root.toAbsolutePath() + " does not exist");
        assertThat(root).as("the root is the operator's to create").doesNotExist();

        Files.createDirectories(root);
        Run created = run(dir, Map.of(), concat(args, "-force"));
        assertThat(created.exit()).as("once the root exists\n" + created.output()).isZero();
        assertThat(root.resolve(StoreCommands.BOOT_CONFIG)).exists();
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theProxyOnAPortAlreadyTakenSaysSoAndExits(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = run(dir, Map.of(), "-jar", kvhome.httpproxyJar().toString(), "-storeName", "OUGFR", "-helperHosts",
                "localhost:1", "-httpPort", Integer.toString(taken.getLocalPort()));
            assertThat(r.exit()).as(r.output()).isEqualTo(1);
            assertThat(r.output()).contains("cannot listen on port " + taken.getLocalPort());
        }
    }

    @Test
    void aBrokenXrstartConfigNamesTheFieldAndStartsNothing(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("json.config");
        Files.writeString(config, "{\"path\": \"" + dir.resolve("xrs") + "\", \"agentGroupSize\": 1, \"agentId\": 0, "
            + "\"region\": \"FR\", \"store\": \"OUGFR\", \"helpers\": [\"localhost:5000\"], "
            + "\"regions\": [{\"name\": \"CO\", \"store\": \"OUGCO\", \"helpers\": [\"node2-nosql\"]}]}");
        Run r = run(dir, Map.of(), "-jar", kvhome.kvstoreJar().toString(), "xrstart", "-config", config.toString(), "-bg");
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("field regions[0].helpers").contains("node2-nosql");
        assertThat(dir.resolve("xrs")).as("the agent's directory: nothing started").doesNotExist();
    }

    @Test
    void theContainersTargetWithoutADockerEngineSaysSoAndStartsNothing(@TempDir Path dir) throws Exception {
        Path jar = kvhome.dir().resolve("lib/mrtck.jar");
        Run r = run(dir, Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"),
                "TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost"),
            "-D" + Targets.PROPERTY + "=containers", "-D" + Kvhome.PROPERTY + "=" + kvhome.dir(), "-jar", jar.toString(),
            "bench-topology", "--target", "containers", "--root", dir.resolve("runs").toString());
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("needs a running Docker engine");
        assertThat(dir.resolve("runs")).as("nothing started").doesNotExist();
    }
}
