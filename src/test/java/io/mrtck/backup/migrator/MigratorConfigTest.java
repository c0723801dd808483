package io.mrtck.backup.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mrtck.backup.BackupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigratorConfigTest {
    private static final String EXPORT = "{\"source\":{\"type\":\"nosqldb\",\"storeName\":\"OUGCO\",\"helperHosts\":[\"h:5000\"],"
        + "\"table\":\"users\",\"includeTTL\":true},\"sink\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":\"out/users.json\","
        + "\"schemaPath\":\"/abs/users.ddl\",\"pretty\":true},\"migratorVersion\":\"1.6.0\",\"security\":\"x\"}";

    @Test
    void theWorkshopsShapeIsReadWithPathsFromTheConfigsDirectory(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        MigratorConfig c = MigratorConfig.read(Files.writeString(dir.resolve("c.json"), EXPORT),
            new PrintStream(warnings, true, StandardCharsets.UTF_8));
        MigratorConfig.Store s = (MigratorConfig.Store) c.source();
        assertThat(s.storeName()).isEqualTo("OUGCO");
        assertThat(s.helperHosts()).containsExactly("h:5000");
        assertThat(s.includeTtl()).isTrue();
        MigratorConfig.JsonFiles f = (MigratorConfig.JsonFiles) c.sink();
        assertThat(f.dataPath()).isEqualTo(dir.toAbsolutePath().resolve("out/users.json"));
        assertThat(f.schemaPath()).isEqualTo(Path.of("/abs/users.ddl"));
        assertThat(c.abortOnError()).isTrue();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("security is not used by the kit");
    }

    @ParameterizedTest(name = "without {0} the error names it")
    @CsvSource(delimiter = '|', value = {
        "source.type       | \"type\":\"nosqldb\",",
        "source.table      | \"table\":\"users\",",
        "source.storeName  | \"storeName\":\"OUGCO\",",
        "sink.dataPath     | \"dataPath\":\"out/users.json\",",
        "sink.format       | \"format\":\"json\","})
    void aMissingFieldIsNamed(String field, String removed, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), EXPORT.replace(removed, ""));
        assertThatThrownBy(() -> MigratorConfig.read(file, System.err)).isInstanceOf(BackupException.class)
            .hasMessageContaining(field + " is missing").hasMessageContaining(file.toString());
    }

    @ParameterizedTest(name = "{0}.type {1} is refused naming the types the kit runs")
    @CsvSource({"source, mongodb", "sink, nosqldb_cloud"})
    void anUnknownTypeIsRefused(String where, String type, @TempDir Path dir) throws IOException {
        String was = where.equals("source") ? "\"type\":\"nosqldb\"" : "\"type\":\"file\"";
        Path file = Files.writeString(dir.resolve("c.json"), EXPORT.replace(was, "\"type\":\"" + type + "\""));
        assertThatThrownBy(() -> MigratorConfig.read(file, System.err)).isInstanceOf(BackupException.class)
            .hasMessageContaining(where + ".type \"" + type + "\" is not a " + where + " type the kit runs: nosqldb, file");
    }

    @Test
    void aBadTtlRelativeDateIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"source\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":\"d\"},"
            + "\"sink\":{\"type\":\"nosqldb\",\"storeName\":\"S\",\"helperHosts\":[\"h:1\"],\"table\":\"t\",\"ttlRelativeDate\":\"soon\"}}");
        assertThatThrownBy(() -> MigratorConfig.read(file, System.err)).hasMessageContaining("sink.ttlRelativeDate \"soon\"")
            .hasMessageContaining("yyyy-MM-dd HH:mm:ss");
    }
}
