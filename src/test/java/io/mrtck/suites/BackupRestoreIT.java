package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.BackupManifest;
import io.mrtck.backup.ExportFormat;
import io.mrtck.backup.ExportPackage;
import io.mrtck.backup.ImportCounts;
import io.mrtck.backup.PackageExport;
import io.mrtck.backup.PackageImport;
import io.mrtck.backup.Restore;
import io.mrtck.backup.StoreLocator;
import io.mrtck.backup.freshest.FreshestRegion;
import io.mrtck.backup.freshest.RegionLag;
import io.mrtck.backup.kvtool.KvTool;
import io.mrtck.backup.migrator.MigratorConfig;
import io.mrtck.backup.migrator.MigratorRun;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.client.UserTables;
import io.mrtck.harness.BackupFixture;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.MultiRegionExtension;
import io.mrtck.harness.RunSettings;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import io.mrtck.topology.kvhome.WorkshopFiles;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backup and restore of MR tables keep every row, every counter value and every expiration time
 * (MR-BUG-CATALOGUE.md INV-RT, B1, B3; MR-SEMANTICS.md "Backup tools", "Agent statistics"): the
 * workshop's two procedures as the kit automates them (docs/backup-and-restore.md), checked
 * through the SDK in every region. Expiry between a backup and a restore is shown by moving the
 * regions' clocks (CLOCK_SKEW), never by waiting hours.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Backup and restore")
class BackupRestoreIT {
    private static final int REQUEST_TIMEOUT_MS = BackupFixture.REQUEST_TIMEOUT_MS;
    private static final long DAY = 24 * 3_600_000L;
    private static final Pattern FIRST_BYTE = Pattern.compile("bytes? (\\d+)");

    private final Topology topology;
    private final MrFixture mr;
    private final BackupFixture fx;
    private final FreshestRegion freshest;

    @TempDir
    Path tmp;

    BackupRestoreIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.mr = new MrFixture(topology, clients);
        this.fx = new BackupFixture(topology, clients, mr);
        this.freshest = new FreshestRegion(topology, clients);
    }

    /** How the rows of a case expire. */
    enum Ttl {
        NONE, HOURS, DAYS, MIXED_PER_ROW, TABLE_DEFAULT;

        /** Row {@code i}'s TTL (null: none, or the table's default); never within two units of now, so none is rounded. */
        TimeToLive of(int i) {
            return switch (this) {
                case NONE -> null;
                case HOURS -> TimeToLive.ofHours(5);
                case DAYS -> TimeToLive.ofDays(3);
                case MIXED_PER_ROW -> i % 3 == 0 ? null : i % 3 == 1 ? TimeToLive.ofHours(5) : TimeToLive.ofDays(3);
                case TABLE_DEFAULT -> i == 1 ? TimeToLive.DO_NOT_EXPIRE : null;
            };
        }

        String tableOptions() {
            return this == TABLE_DEFAULT ? " USING TTL 4 DAYS" : "";
        }
    }

    /** A table shape: its tables (a parent first), their columns and keys, and its rows. */
    enum Shape {
        WORKSHOP_USERS("Users", "uid INTEGER, person JSON, PRIMARY KEY(uid)", "uid") {
            @Override
            MapValue row(int i) {
                return new MapValue().put("uid", i).put("person", json("{\"firstName\":\"jack" + i + "\",\"lastName\":\"ma\","
                    + "\"location\":" + (i % 2 == 0 ? "null" : "\"FR\"") + "}"));
            }
        },
        EVERY_SCALAR("Scalars", "id INTEGER, i INTEGER, l LONG, f FLOAT, d DOUBLE, n NUMBER, s STRING, b BOOLEAN, bin BINARY, "
            + "fb BINARY(4), ts TIMESTAMP(9), e ENUM(red, green), doc JSON, PRIMARY KEY(id)", "id") {
            @Override
            MapValue row(int i) {
                return new MapValue().put("id", i).put("i", -i).put("l", 1L << 40 | i).put("f", 1.5).put("d", 2.0 / 3)
                    .put("n", new BigDecimal("12345678901234567890.123456789")).put("s", "é ✓ " + i).put("b", i % 2 == 0)
                    .put("bin", new byte[] {0, (byte) 255, (byte) i}).put("fb", new byte[] {1, 2, 3, (byte) i})
                    .put("ts", new Timestamp(1_612_325_106_123L)).put("e", i % 2 == 0 ? "red" : "green")
                    .put("doc", json("{\"k\":" + i + ",\"d\":0.5}"));
            }
        },
        NESTED_JSON("Nested", "id INTEGER, doc JSON, arr ARRAY(STRING), m MAP(INTEGER), rec RECORD(a INTEGER, b STRING), "
            + "PRIMARY KEY(id)", "id") {
            @Override
            MapValue row(int i) {
                return new MapValue().put("id", i)
                    .put("doc", json("{\"a\":{\"b\":{\"c\":[{\"d\":\"x" + i + "\"},{\"e\":null,\"f\":[1.25,true,\"x\"]}]}},"
                        + "\"long\":9223372036854775807,\"big\":123456789012345678901234567890.5,\"empty\":{},\"list\":[]}"))
                    .put("arr", new ArrayValue().add("a" + i).add("")).put("m", new MapValue().put("x", i).put("y", -1))
                    .put("rec", new MapValue().put("a", i).put("b", "r" + i));
            }
        },
        MR_COUNTERS("Counters", "id INTEGER, ci INTEGER AS MR_COUNTER, cl LONG AS MR_COUNTER, cn NUMBER AS MR_COUNTER, "
            + "doc JSON(hits AS LONG MR_COUNTER, a.b AS INTEGER MR_COUNTER), note STRING, PRIMARY KEY(id)", "id") {
            @Override
            MapValue row(int i) {
                return new MapValue().put("id", i).put("note", "n" + i).put("doc", json("{\"hits\":0,\"a\":{\"b\":0},\"k\":" + i + "}"));
            }
        },
        PARENT_AND_CHILD("Parent", "sk INTEGER, id INTEGER, name STRING, PRIMARY KEY(SHARD(sk), id)", "sk,id") {
            @Override
            MapValue row(int i) {
                return new MapValue().put("sk", i % 2).put("id", i).put("name", "p" + i);
            }
        };

        /** The child of PARENT_AND_CHILD: two rows per parent row. */
        static final String CHILD_COLUMNS = "k STRING, v JSON, PRIMARY KEY(k)";
        static final int ROWS = 6;

        final String stem;
        final String columns;
        final List<String> keys;

        Shape(String stem, String columns, String keys) {
            this.stem = stem;
            this.columns = columns;
            this.keys = List.of(keys.split(","));
        }

        abstract MapValue row(int i);

        /** The tables of a case named {@code base}, each with its key columns, parents first. */
        Map<String, List<String>> tables(String base) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            out.put(base, keys);
            if (this == PARENT_AND_CHILD) {
                out.put(base + ".kid", List.of("sk", "id", "k"));
            }
            return out;
        }

        static FieldValue json(String text) {
            return FieldValue.createFromJson(text, null);
        }
    }

    // ------------------------------------------------------------------ writing the cases' data

    /** Creates the case's tables in every region and writes its rows in FR (counters from both regions). */
    private String createAndFill(Shape shape, Ttl ttl) {
        String base = MrFixture.table(shape.stem);
        for (String r : mr.regionNames()) {
            mr.ddl(r, "CREATE TABLE " + base + "(" + shape.columns + ") IN REGIONS " + String.join(", ", mr.regionNames())
                + ttl.tableOptions());
            if (shape == Shape.PARENT_AND_CHILD) {
                mr.ddl(r, "CREATE TABLE " + base + ".kid(" + Shape.CHILD_COLUMNS + ")");
            }
        }
        for (int i = 1; i <= Shape.ROWS; i++) {
            mr.put("FR", base, shape.row(i), ttl.of(i));
            if (shape == Shape.PARENT_AND_CHILD) {
                for (String k : List.of("a", "b")) {
                    mr.put("FR", base + ".kid", shape.row(i).put("k", k + i).put("v", Shape.json("{\"w\":" + i + "}")), ttl.of(i));
                }
            }
        }
        convergeAll(shape, base);
        if (shape == Shape.MR_COUNTERS) {
            // increments and decrements from both regions: the values to keep are merged counter states
            for (int i = 1; i <= Shape.ROWS; i++) {
                mr.sql("FR", "UPDATE " + base + " t SET t.ci = t.ci + " + (5 * i) + ", t.cl = t.cl + 7, t.cn = t.cn + 1.5, "
                    + "t.doc.hits = t.doc.hits + 3, t.doc.a.b = t.doc.a.b + " + i + " WHERE t.id = " + i);
                mr.sql("CO", "UPDATE " + base + " t SET t.ci = t.ci - 2, t.cn = t.cn + 0.25, t.doc.hits = t.doc.hits + 1 "
                    + "WHERE t.id = " + i);
            }
            convergeAll(shape, base);
        }
        return base;
    }

    private void convergeAll(Shape shape, String base) {
        shape.tables(base).forEach((t, keys) -> mr.converge(t, keys.toArray(String[]::new)));
    }

    // ------------------------------------------------------------------ round trips

    /**
     * A covering set of the cross-product format × TTL × shape × import region (2 × 5 × 5 × 2 = 100):
     * each format meets every TTL mode, every shape and both import regions once, in ten cases.
     */
    static Stream<Arguments> roundTrips() {
        return Stream.of(
            Arguments.of(ExportFormat.JSON, Ttl.NONE, Shape.WORKSHOP_USERS, "the exporting"),
            Arguments.of(ExportFormat.JSON, Ttl.HOURS, Shape.EVERY_SCALAR, "the other"),
            Arguments.of(ExportFormat.JSON, Ttl.DAYS, Shape.NESTED_JSON, "the exporting"),
            Arguments.of(ExportFormat.JSON, Ttl.MIXED_PER_ROW, Shape.MR_COUNTERS, "the other"),
            Arguments.of(ExportFormat.JSON, Ttl.TABLE_DEFAULT, Shape.PARENT_AND_CHILD, "the exporting"),
            Arguments.of(ExportFormat.BINARY, Ttl.NONE, Shape.MR_COUNTERS, "the exporting"),
            Arguments.of(ExportFormat.BINARY, Ttl.HOURS, Shape.PARENT_AND_CHILD, "the other"),
            Arguments.of(ExportFormat.BINARY, Ttl.DAYS, Shape.WORKSHOP_USERS, "the other"),
            Arguments.of(ExportFormat.BINARY, Ttl.MIXED_PER_ROW, Shape.EVERY_SCALAR, "the exporting"),
            Arguments.of(ExportFormat.BINARY, Ttl.TABLE_DEFAULT, Shape.NESTED_JSON, "the other"));
    }

    @ParameterizedTest(name = "{0} backup of {2} rows, TTL {1}, restored into {3} region")
    @MethodSource("roundTrips")
    void aRoundTripKeepsEveryRowCounterAndExpirationInEveryRegion(ExportFormat format, Ttl ttl, Shape shape, String into)
            throws IOException {
        String base = createAndFill(shape, ttl);
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        shape.tables(base).forEach((t, keys) -> before.put(t, fx.image("FR", t, keys)));
        assertThat(before.get(base).values()).as("the rows written, so the case tests its TTL mode: %s", before.get(base))
            .hasSize(Shape.ROWS).anyMatch(v -> ttl == Ttl.NONE ? v.endsWith("expires 0") : !v.endsWith("expires 0"));

        fx.awaitStatistics(base);
        BackupManifest m = fx.backup().run(base, tmp.resolve("backup"), format);
        assertThat(m.tables()).extracting(BackupManifest.TableFile::table).containsExactlyElementsOf(shape.tables(base).keySet());
        String target = into.equals("the exporting") ? m.sourceRegion() : fx.other(m.sourceRegion());
        Restore.Result result = fx.restore(tmp.resolve("backup"), target, false);

        for (Map.Entry<String, List<String>> t : shape.tables(base).entrySet()) {
            ImportCounts counts = result.counts().get(t.getKey());
            assertThat(counts.written()).as("rows written into %s: %s", t.getKey(), counts).isEqualTo(before.get(t.getKey()).size());
            assertThat(counts.skippedExpired()).as("rows skipped in %s: %s", t.getKey(), counts).isZero();
            fx.assertEveryRegionHolds(t.getKey(), t.getValue(), before.get(t.getKey()), format + " round trip into " + target);
        }
        if (shape == Shape.MR_COUNTERS) {
            countersKeepAddingUp(base);
        }
    }

    /** After a restore, increments from each region add to the restored values, in every region. */
    private void countersKeepAddingUp(String table) {
        Map<Integer, Long> restored = new TreeMap<>();
        for (int i = 1; i <= Shape.ROWS; i++) {
            MapValue row = mr.get("FR", table, new MapValue().put("id", i)).getValue();
            restored.put(i, row.get("doc").asMap().getLong("hits") * 1000 + row.getInt("ci"));
            mr.sql("FR", "UPDATE " + table + " t SET t.ci = t.ci + 1, t.doc.hits = t.doc.hits + 1 WHERE t.id = " + i);
            mr.sql("CO", "UPDATE " + table + " t SET t.ci = t.ci + 2, t.doc.hits = t.doc.hits + 2 WHERE t.id = " + i);
        }
        mr.converge(table, "id");
        for (String r : mr.regionNames()) {
            for (int i = 1; i <= Shape.ROWS; i++) {
                MapValue row = mr.get(r, table, new MapValue().put("id", i)).getValue();
                assertThat(row.get("doc").asMap().getLong("hits") * 1000 + row.getInt("ci"))
                    .as("row %d in %s (hits*1000 + ci) after +1 in FR and +2 in CO on the restored values: %s", i, r, row)
                    .isEqualTo(restored.get(i) + 3 * 1000 + 3);
            }
        }
    }

    // ------------------------------------------------------------------ the freshest region

    @Test
    void aLaggingRegionIsNotChosenAndABackupFromItMissesRows() throws IOException {
        mr.require(Capability.PAUSE_AGENT, "let a region lag while writes go on");
        String t = mr.streamingTable("Lagging");
        Region lagging = topology.region("CO");
        lagging.agent().pause();
        try {
            for (int i = 2; i <= 6; i++) {
                mr.sql("FR", "UPSERT INTO " + t + " VALUES(" + i + ", \"while CO lags\")");
            }
            FreshestRegion.Choice[] choice = {freshest.choose(t)};
            // CO's lag shows within a few statistics intervals: no message read in one, or no new one at all
            long interval = choice[0].lags().stream().mapToLong(RegionLag::intervalMs).max().orElse(0);
            await("CO's statistics show it behind FR").atMost(MrFixture.convergeTimeout().plusMillis(3 * interval))
                .pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    choice[0] = freshest.choose(t);
                    RegionLag fr = lag(choice[0], "FR");
                    RegionLag co = lag(choice[0], "CO");
                    return fr.usable() && (!co.usable() || co.effectiveLag() > fr.effectiveLag());
                });
            assertThat(choice[0].region()).as("the freshest region while CO lags:%n%s", choice[0].table()).isEqualTo("FR");

            BackupManifest fromLagging = fx.backup().runFrom("CO", t, tmp.resolve("from-co"), ExportFormat.BINARY);
            BackupManifest fromFreshest = fx.backup().run(t, tmp.resolve("from-freshest"), ExportFormat.BINARY);
            assertThat(fromFreshest.sourceRegion()).isEqualTo("FR");
            assertThat(fromFreshest.rowCount()).as("rows in a backup from the freshest region").isEqualTo(6);
            assertThat(fromLagging.rowCount()).as("rows in a backup from the lagging region: the 5 written while it lagged "
                + "are missing").isEqualTo(1);
        } finally {
            lagging.agent().resume();
        }
        mr.convergeAfterFault(t, "id");
    }

    private static RegionLag lag(FreshestRegion.Choice choice, String region) {
        return choice.lags().stream().filter(l -> l.region().equalsIgnoreCase(region)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ the binary import resumes

    @Test
    void aKilledBinaryImportResumesWithNothingMissingAndNothingWrittenTwice() throws Exception {
        String columns = "id INTEGER, cnt INTEGER AS MR_COUNTER, doc JSON(hits AS LONG MR_COUNTER), v STRING, PRIMARY KEY(id)";
        String source = MrFixture.table("Resumable");
        String copy = source + "Copy";
        mr.createMrTable(source, columns);
        mr.createMrTable(copy, columns);
        int rows = 300;
        for (int i = 1; i <= rows; i++) {
            mr.put("FR", source, new MapValue().put("id", i).put("v", "v" + i).put("doc", Shape.json("{\"hits\":0}")),
                i % 2 == 0 ? TimeToLive.ofHours(6) : null);
        }
        mr.converge(source, "id");
        for (int i = 1; i <= rows; i += 7) {
            mr.sql("CO", "UPDATE " + source + " t SET t.cnt = t.cnt + " + i + ", t.doc.hits = t.doc.hits + 2 WHERE t.id = " + i);
        }
        mr.converge(source, "id");
        Map<String, String> before = fx.image("FR", source, List.of("id"));

        Path pkg = tmp.resolve("package");
        Path exportConfig = Files.writeString(tmp.resolve("export_config"), "export-type = LOCAL\nexport-package-path = " + pkg + "\n");
        Path importConfig = Files.writeString(tmp.resolve("import_config"), "import-type = LOCAL\nimport-package-path = " + pkg
            + "\nchunk-rows = 20\nmax-rows-per-second = 100\n");
        Region fr = topology.region("FR");
        Region co = topology.region("CO");
        assertThat(KvTool.run(System.out, "export", "-table", source, "-store", fr.storeName(), "-endpoint", fr.endpoint(),
            "-config", exportConfig.toString(), "-format", "BINARY")).as("kvtool export").isZero();

        Path status = tmp.resolve("checkpoint_dir");
        List<String> importArgs = List.of("import", "-table", copy, "-store", co.storeName(), "-endpoint", co.endpoint(),
            "-config", importConfig.toString(), "-status", status.toString(), "-format", "BINARY");
        Process importer = startKvTool(importArgs, tmp.resolve("import.log"));
        try {
            Path statusFile = status.resolve(copy + ".status.json");
            await("the import records rows in " + statusFile + " (log " + tmp.resolve("import.log") + ")")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> importer.isAlive() && Files.exists(statusFile) && rowsDone(statusFile) >= 60);
        } finally {
            importer.destroyForcibly().waitFor();
        }
        long atKill = TableFingerprint.read(mr.in("CO"), copy, List.of("id")).rows().size();
        assertThat(atKill).as("rows in %s when the import was killed (it must be killed half-way)", copy)
            .isGreaterThan(0).isLessThan(rows);

        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        assertThat(KvTool.run(new PrintStream(resumed, true), importArgs.toArray(String[]::new))).as("kvtool import, again")
            .isZero();
        assertThat(resumed.toString()).as("the second run's output").contains("resuming after row");
        mr.converge(copy, "id");
        fx.assertEveryRegionHolds(copy, List.of("id"), before, "an import killed after " + atKill + " rows, then run again");
    }

    /** kvtool in a JVM of its own, so that it can be killed; the tool mutant switch goes with it. */
    private static Process startKvTool(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-D" + MultiRegionExtension.MUTANT_PROPERTY + "=" + RunSettings.get(MultiRegionExtension.MUTANT_PROPERTY, ""),
            KvTool.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long rowsDone(Path statusFile) {
        try {
            return new ObjectMapper().readTree(statusFile.toFile()).path("rowsDone").asLong();
        } catch (IOException e) {
            return 0; // between the tool's write and its rename
        }
    }

    // ------------------------------------------------------------------ the Migrator's configs

    @Test
    void theWorkshopsMigratorConfigsRunUnchanged() throws IOException {
        List<String> stores = topology.regions().stream().map(Region::storeName).toList();
        Assumptions.assumeTrue(stores.containsAll(List.of("OUGFR", "OUGCO")),
            "the workshop's configs name the stores OUGFR and OUGCO; this topology has " + stores);
        for (String r : mr.regionNames()) {
            Assumptions.assumeTrue(UserTables.listed(mr.in(r)).stream().noneMatch(n -> n.equalsIgnoreCase("users")),
                "region " + r + " already has a table users, which the workshop's configs name; it is not the suite's to touch");
        }
        String ddl = WorkshopFiles.fixture("users-mr-table.ddl").strip();
        try {
            mr.regionNames().forEach(r -> mr.ddl(r, ddl));
            for (String line : WorkshopFiles.fixture("users-dml.sql").lines().filter(l -> !l.startsWith("select")).toList()) {
                mr.sql("CO", line.replaceAll(";\\s*$", ""));
            }
            mr.converge("users", "uid");
            Map<String, String> before = fx.image("CO", "users", List.of("uid"));
            for (String f : List.of("migrator-export-users.json", "migrator-import-users.json")) {
                Files.writeString(tmp.resolve(f), WorkshopFiles.fixture(f));
            }
            MigratorRun run = new MigratorRun(StoreLocator.of(topology), System.out);
            assertThat(run.run(MigratorConfig.read(tmp.resolve("migrator-export-users.json"), System.out)).exported())
                .as("rows exported from OUGCO").isEqualTo(2);
            assertThat(Files.readString(tmp.resolve("users_schema.ddl"))).as("the schema file")
                .contains("CREATE TABLE IF NOT EXISTS Users (uid INTEGER, person JSON, PRIMARY KEY(uid)) IN REGIONS");
            // the workshop: recreate the table in all regions before the import
            mr.regionNames().forEach(r -> mr.ddl(r, "DROP TABLE users"));
            mr.regionNames().forEach(r -> mr.ddl(r, ddl));
            ImportCounts imported = run.run(MigratorConfig.read(tmp.resolve("migrator-import-users.json"), System.out)).imported();
            assertThat(imported.written()).as("rows imported into OUGFR: %s", imported).isEqualTo(2);
            mr.converge("users", "uid");
            fx.assertEveryRegionHolds("users", List.of("uid"), before, "the workshop's Migrator export from CO, import into FR");
        } finally {
            mr.regionNames().forEach(r -> mr.ddl(r, "DROP TABLE IF EXISTS users"));
        }
    }

    @Test
    void theMigratorImportCountsTtlsFromTtlRelativeDate() throws IOException {
        String t = MrFixture.table("Relative");
        String copy = t + "Copy";
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.createMrTable(copy, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.put("FR", t, new MapValue().put("id", 1).put("v", "days"), TimeToLive.ofDays(3));
        mr.put("FR", t, new MapValue().put("id", 2).put("v", "hours"), TimeToLive.ofHours(2));
        long days = mr.get("FR", t, new MapValue().put("id", 1)).getExpirationTime();
        long hours = mr.get("FR", t, new MapValue().put("id", 2)).getExpirationTime();
        Files.writeString(tmp.resolve("export.json"), "{\"source\":{\"type\":\"nosqldb\",\"storeName\":\"" + topology.region("FR")
            .storeName() + "\",\"helperHosts\":[\"unused:5000\"],\"table\":\"" + t + "\",\"includeTTL\":true},"
            + "\"sink\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":\"rows.json\"}}");
        // the reference date: row 2's expiration, so row 2 counts as expired and row 1 keeps what it had left then
        String relative = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(hours));
        Files.writeString(tmp.resolve("import.json"), "{\"source\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":\"rows.json\"},"
            + "\"sink\":{\"type\":\"nosqldb\",\"storeName\":\"" + topology.region("CO").storeName() + "\",\"helperHosts\":"
            + "[\"unused:5000\"],\"table\":\"" + copy + "\",\"includeTTL\":true,\"ttlRelativeDate\":\"" + relative + "\"}}");
        MigratorRun run = new MigratorRun(StoreLocator.of(topology), System.out);
        run.run(MigratorConfig.read(tmp.resolve("export.json"), System.out));
        long start = System.currentTimeMillis();
        ImportCounts counts = run.run(MigratorConfig.read(tmp.resolve("import.json"), System.out)).imported();
        long end = System.currentTimeMillis();
        assertThat(counts.skippedExpired()).as("rows expired at the ttlRelativeDate: %s", counts).isEqualTo(1);
        long left = (days - ceilDay(hours)) / DAY; // whole days from the reference date's next midnight
        mr.converge(copy, "id");
        for (String r : mr.regionNames()) {
            assertThat((Object) mr.get(r, copy, new MapValue().put("id", 2)).getValue()).as("row 2 in %s", r).isNull();
            assertThat(mr.get(r, copy, new MapValue().put("id", 1)).getExpirationTime())
                .as("row 1 in %s: the %d days it had left at the reference date, counted from the import", r, left)
                .isIn(ceilDay(start) + left * DAY, ceilDay(end) + left * DAY);
        }
    }

    private static long ceilDay(long ms) {
        return (ms + DAY - 1) / DAY * DAY;
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void anUnknownTableIsRefusedByNameAndNothingIsWritten() throws IOException {
        Path dir = tmp.resolve("none");
        assertThatThrownBy(() -> fx.backup().runFrom("FR", "NoSuchTable", dir, ExportFormat.BINARY))
            .isInstanceOf(BackupException.class).hasMessageContaining("table NoSuchTable does not exist in store");
        assertThatThrownBy(() -> fx.backup().run("NoSuchTable", dir, ExportFormat.BINARY))
            .isInstanceOf(BackupException.class).hasMessageContaining("no table NoSuchTable");
        assertThat(dir).as("no backup directory is left").doesNotExist();
        Path config = Files.writeString(tmp.resolve("c.json"), "{\"source\":{\"type\":\"nosqldb\",\"storeName\":\""
            + topology.region("FR").storeName() + "\",\"helperHosts\":[\"unused:5000\"],\"table\":\"NoSuchTable\"},"
            + "\"sink\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":\"rows.json\"}}");
        assertThatThrownBy(() -> new MigratorRun(StoreLocator.of(topology), System.out).run(MigratorConfig.read(config, System.out)))
            .isInstanceOf(BackupException.class).hasMessageContaining("table NoSuchTable does not exist");
        assertThat(tmp.resolve("rows.json")).as("no data file is written").doesNotExist();
    }

    @ParameterizedTest(name = "a {0} backup with its row file {1} is refused with the position, and no region changes")
    @CsvSource({"BINARY, truncated", "BINARY, flipped", "JSON, truncated", "JSON, flipped"})
    void aDamagedBackupIsRefusedWithThePositionAndNothingChanges(ExportFormat format, String damage) throws IOException {
        String t = MrFixture.table("Damaged");
        mr.createMrTable(t, "id INTEGER, doc JSON, PRIMARY KEY(id)");
        for (int i = 1; i <= 40; i++) {
            mr.put("FR", t, new MapValue().put("id", i).put("doc", Shape.json("{\"n\":" + i + ",\"s\":\"some text " + i + "\"}")),
                TimeToLive.ofDays(3));
        }
        mr.converge(t, "id");
        Map<String, TableFingerprint> before = new TreeMap<>();
        for (String r : mr.regionNames()) {
            before.put(r, TableFingerprint.read(mr.in(r), t, List.of("id")));
        }
        fx.awaitStatistics(t);
        BackupManifest m = fx.backup().run(t, tmp.resolve("backup"), format);
        Path file = tmp.resolve("backup").resolve(m.tables().get(0).file());
        byte[] bytes = Files.readAllBytes(file);
        long seed = 0x5eedL + format.ordinal() * 31L + damage.length();
        Random random = new Random(seed);
        int at = 64 + random.nextInt(bytes.length - 128); // past the header, whose table name the manifest checks
        if (damage.equals("truncated")) {
            Files.write(file, java.util.Arrays.copyOf(bytes, at));
        } else {
            bytes[at] ^= 0x04;
            Files.write(file, bytes);
        }

        BackupException refused = assertThrows(BackupException.class,
            () -> fx.restore(tmp.resolve("backup"), null, false), damage + " at byte " + at + " (seed " + seed + ")");
        assertThat(refused.getMessage()).as("the refusal (%s at byte %d)", damage, at).contains(file.toString());
        Matcher position = FIRST_BYTE.matcher(refused.getMessage());
        assertThat(position.find()).as("a byte position in: %s", refused.getMessage()).isTrue();
        assertThat(Long.parseLong(position.group(1))).as("the position reported for %s at byte %d: %s", damage, at,
            refused.getMessage()).isLessThanOrEqualTo(at);
        for (String r : mr.regionNames()) {
            assertThat(TableFingerprint.read(mr.in(r), t, List.of("id"))).as("%s in %s after the refused restore", t, r)
                .isEqualTo(before.get(r));
        }
    }

    @Test
    void anExportOfAnotherTablesSchemaIsRefusedAndNothingIsWritten() throws IOException {
        String users = MrFixture.table("SchemaA");
        String other = MrFixture.table("SchemaB");
        mr.createMrTable(users, "uid INTEGER, person JSON, PRIMARY KEY(uid)");
        mr.createMrTable(other, "uid INTEGER, name STRING, PRIMARY KEY(uid)");
        mr.put("FR", users, Shape.WORKSHOP_USERS.row(1), null);
        Path pkg = tmp.resolve("package");
        PackageExport.run(mr.in("FR"), users, ExportFormat.BINARY, pkg, origin("FR"), REQUEST_TIMEOUT_MS, System.out);
        assertThatThrownBy(() -> PackageImport.run(mr.in("CO"), ExportPackage.open(pkg), importInto(other), System.out))
            .isInstanceOf(BackupException.class).hasMessageContaining("the export is of another schema")
            .hasMessageContaining("column person is in the export, not in the table");
        for (String r : mr.regionNames()) {
            assertThat(TableFingerprint.read(mr.in(r), other, List.of("uid")).rows()).as("%s in %s", other, r).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: an import into a table with another shard key is refused (#27782)")
    @EnumSource(ExportFormat.class)
    void anImportIntoATableWithAnotherShardKeyIsRefused(ExportFormat format) throws IOException {
        String t = MrFixture.table("Keyed");
        String t2 = t + "Reshard";
        mr.createMrTable(t, "a INTEGER, b INTEGER, v STRING, PRIMARY KEY(SHARD(a), b)");
        mr.createMrTable(t2, "a INTEGER, b INTEGER, v STRING, PRIMARY KEY(SHARD(a, b))");
        mr.put("FR", t, new MapValue().put("a", 1).put("b", 2).put("v", "x"), null);
        if (format == ExportFormat.BINARY) {
            Path pkg = tmp.resolve("package");
            PackageExport.run(mr.in("FR"), t, format, pkg, origin("FR"), REQUEST_TIMEOUT_MS, System.out);
            assertThatThrownBy(() -> PackageImport.run(mr.in("CO"), ExportPackage.open(pkg), importInto(t2), System.out))
                .isInstanceOf(BackupException.class).hasMessageContaining("shard key [a] in the export, [a, b] in the table")
                .hasMessageContaining("#27782");
        } else {
            String store = topology.region("FR").storeName();
            Files.writeString(tmp.resolve("export.json"), "{\"source\":{\"type\":\"nosqldb\",\"storeName\":\"" + store + "\","
                + "\"helperHosts\":[\"unused:5000\"],\"table\":\"" + t + "\"},\"sink\":{\"type\":\"file\",\"format\":\"json\","
                + "\"dataPath\":\"rows.json\",\"schemaPath\":\"schema.ddl\"}}");
            Files.writeString(tmp.resolve("import.json"), "{\"source\":{\"type\":\"file\",\"format\":\"json\",\"dataPath\":"
                + "\"rows.json\",\"schemaPath\":\"schema.ddl\"},\"sink\":{\"type\":\"nosqldb\",\"storeName\":\"" + store + "\","
                + "\"helperHosts\":[\"unused:5000\"],\"table\":\"" + t2 + "\"}}");
            MigratorRun run = new MigratorRun(StoreLocator.of(topology), System.out);
            run.run(MigratorConfig.read(tmp.resolve("export.json"), System.out));
            assertThatThrownBy(() -> run.run(MigratorConfig.read(tmp.resolve("import.json"), System.out)))
                .isInstanceOf(BackupException.class).hasMessageContaining("with shard key [a], the table has [a, b] with shard key [a, b]")
                .hasMessageContaining("#27782");
        }
        for (String r : mr.regionNames()) {
            assertThat(TableFingerprint.read(mr.in(r), t2, List.of("a", "b")).rows()).as("%s in %s", t2, r).isEmpty();
        }
    }

    @Test
    void aRestoreIsRefusedWhileWritesStillArriveUnlessForced() throws Exception {
        String t = mr.streamingTable("Busy");
        fx.awaitStatistics(t);
        fx.backup().run(t, tmp.resolve("backup"), ExportFormat.BINARY);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            for (int i = 100; writing.get(); i++) {
                mr.sql("FR", "UPSERT INTO " + t + " VALUES(" + i + ", \"still writing\")");
            }
        });
        try {
            assertThatThrownBy(() -> fx.restore(tmp.resolve("backup"), null, false)).isInstanceOf(BackupException.class)
                .hasMessageContaining("writes still arrive").hasMessageContaining(t).hasMessageContaining("--force");
        } finally {
            writing.set(false);
            writes.get();
            writer.shutdown();
        }
        assertThat(TableFingerprint.read(mr.in("FR"), t, List.of("id")).rows()).as("%s after the refused restore", t)
            .hasSizeGreaterThan(1);
        fx.restore(tmp.resolve("backup"), null, true);
        fx.assertEveryRegionHolds(t, List.of("id"), Map.of("{\"id\":1}", "{\"id\":1,\"v\":\"seed\"} expires 0"),
            "a forced restore");
    }

    private PackageExport.Origin origin(String region) {
        return new PackageExport.Origin("BackupRestoreIT", region, topology.region(region).storeName(), mr.regionNames());
    }

    private static PackageImport.Options importInto(String table) {
        return new PackageImport.Options(table, false, null, null, 100, 0, REQUEST_TIMEOUT_MS);
    }
}
