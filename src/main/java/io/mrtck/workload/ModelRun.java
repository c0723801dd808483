package io.mrtck.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.backup.Backup;
import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExportFormat;
import io.mrtck.backup.Restore;
import io.mrtck.client.Convergence;
import io.mrtck.client.RegionClients;
import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.model.Disagreement;
import io.mrtck.model.ModelTable;
import io.mrtck.model.MrModel;
import io.mrtck.model.RowValues;
import io.mrtck.model.Shown;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.TableRequest;

/**
 * A model-based random run (generator, client, nemesis and model kept apart, every operation
 * in a {@link History}): rounds of random writes from a seed, each followed by a comparison of
 * every region with the {@link MrModel} — first each region's own rows (its writes and nothing
 * else), then, once the regions agree, every region with what replication must have made.
 *
 * <p>Rounds: <b>conflict</b> (agents paused, writes in every region; with clocks frozen at one
 * instant where the target can, so ties decide), <b>stream</b> (agents running, one region
 * writes, an agent killed or a link cut half-way), <b>time jump</b> (every clock days ahead:
 * rows past their expiration vanish everywhere) and <b>init</b> (a table created with rows in
 * one region, then in the other: the initial copy). A round the target cannot do is not drawn.
 */
public final class ModelRun {

    /**
     * @param seed        the random seed: the same seed makes the same writes
     * @param operations  how many writes to make (at least)
     * @param perRound    writes per round
     * @param keys        keys per table
     * @param converge    how long regions may take to agree after a round
     * @param firstWrite  how long the first round on new tables may take
     * @param reference   the engine is the kit's reference: also make writes whose effect only the
     *                    reference has shown (a put over a row with MR counters keeps their values)
     */
    public record Settings(long seed, int operations, int perRound, int keys, Duration converge, Duration firstWrite,
                           boolean reference) {
    }

    /** What a run did and every disagreement with the model (empty: the regions did what the documentation says). */
    public record Result(int operations, Map<String, Integer> rounds, List<Disagreement> disagreements, History history) {
        public boolean agrees() {
            return disagreements.isEmpty();
        }

        /** Every disagreement, each with what the history says happened to its key. */
        public String describe() {
            return DisagreementReport.describe(disagreements.size() + " disagreement(s) with the model after "
                + operations + " writes in rounds " + rounds + ":", disagreements, history);
        }
    }

    /** The backup tools' progress lines are not the run's business. */
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final Topology topology;
    private final RegionClients clients;
    private final Settings settings;
    private final SplittableRandom random;
    /** How far every region's clock runs ahead of real time (time jumps add to it). */
    private long skewMs;
    /** Times in the history are the regions' (the machine's clock shifted by the run's time jumps). */
    private final History history = new History(() -> System.currentTimeMillis() + skewMs);
    /** region/table/key → the last write that took effect there this round, to complete with what it left. */
    private final Map<String, Op> lastWrites = new java.util.HashMap<>();
    private final SdkWriter writer = new SdkWriter(history, "client");
    private final SdkReader reader = new SdkReader(history, "checker");
    private final List<String> regions;
    private final List<ModelTable> tables = new ArrayList<>();
    private final MrModel model;
    private final OpGenerator generator;
    private final Map<String, Integer> rounds = new TreeMap<>();
    private final String prefix;
    private Long frozenAt;
    private int writes;
    private int initTables;

    public ModelRun(Topology topology, RegionClients clients, String tablePrefix, Settings settings) {
        this.topology = topology;
        this.clients = clients;
        this.settings = settings;
        this.prefix = tablePrefix;
        this.random = new SplittableRandom(settings.seed());
        this.regions = topology.regions().stream().map(Region::name).toList();
        tables.add(ModelTables.plain(tablePrefix + "Plain"));
        tables.add(ModelTables.counters(tablePrefix + "Count"));
        tables.add(ModelTables.sharded(tablePrefix + "Shard"));
        this.model = new MrModel(regions, tables);
        this.generator = new OpGenerator(random.split(), model, settings.keys(), settings.reference());
    }

    public History history() {
        return history;
    }

    public Result run() {
        List<Disagreement> found = new ArrayList<>();
        try {
            tables.forEach(t -> create(t, regions));
            boolean first = true;
            // every kind of round the target can do comes once early, then they are drawn at random
            List<String> opening = new ArrayList<>(List.of("stream", "conflict", "frozen conflict", "backup", "init",
                "schema", "time jump", "backup"));
            opening.removeIf(k -> !possible(k));
            while (writes < settings.operations() && found.isEmpty()) {
                String kind = !opening.isEmpty() ? opening.remove(0) : drawRound();
                rounds.merge(kind, 1, Integer::sum);
                generator.newRound();
                lastWrites.clear();
                found.addAll(switch (kind) {
                    case "conflict" -> conflictRound(false);
                    case "frozen conflict" -> conflictRound(true);
                    case "time jump" -> timeJump();
                    case "init" -> initRound();
                    case "backup" -> backupRound();
                    case "schema" -> schemaRound();
                    default -> streamRound(first);
                });
                first = false;
            }
        } finally {
            restoreClocks();
        }
        return new Result(writes, rounds, found, history);
    }

    private String drawRound() {
        List<String> kinds = new ArrayList<>(List.of("stream", "stream", "conflict", "conflict", "conflict",
            "frozen conflict"));
        if (rounds.getOrDefault("time jump", 0) < 3) {
            kinds.add("time jump");
        }
        if (rounds.getOrDefault("init", 0) < 3) {
            kinds.add("init");
        }
        if (rounds.getOrDefault("backup", 0) < 4) {
            kinds.add("backup");
        }
        kinds.removeIf(k -> !possible(k));
        return kinds.get(random.nextInt(kinds.size()));
    }

    /** Whether the target offers what a kind of round needs. */
    private boolean possible(String kind) {
        Set<Capability> can = topology.capabilities();
        return switch (kind) {
            case "conflict" -> can.contains(Capability.PAUSE_AGENT);
            case "frozen conflict" -> can.containsAll(Set.of(Capability.PAUSE_AGENT, Capability.CLOCK_FREEZE,
                Capability.CLOCK_SKEW));
            case "time jump" -> can.contains(Capability.CLOCK_SKEW);
            default -> true;
        };
    }

    private List<Disagreement> conflictRound(boolean frozen) {
        topology.regions().forEach(r -> r.agent().pause());
        try {
            if (frozen) {
                long at = now();
                frozenAt = at;
                topology.regions().forEach(r -> r.freezeClock(Instant.ofEpochMilli(at)));
            }
            writeSome(regions, frozen);
            List<Disagreement> local = checkEachRegion();
            if (!local.isEmpty()) {
                return local;
            }
        } finally {
            if (frozen) {
                frozenAt = null;
                topology.regions().forEach(r -> r.skewClock(Duration.ofMillis(skewMs)));
            }
            topology.regions().forEach(r -> r.agent().resume());
        }
        return checkConverged(settings.converge());
    }

    private List<Disagreement> streamRound(boolean first) {
        String writerRegion = regions.get(random.nextInt(regions.size()));
        String other = regions.stream().filter(r -> !r.equals(writerRegion)).findFirst().orElseThrow();
        Set<Capability> can = topology.capabilities();
        int fault = random.nextInt(3);
        boolean kills = fault == 0 && can.contains(Capability.KILL_AGENT);
        boolean cuts = fault == 1 && can.contains(Capability.PARTITION);
        boolean faulted = false;
        // faults land between writes while the other region's agent is streaming them
        for (int i = 0; i < settings.perRound(); i++) {
            writeSome(List.of(writerRegion), false, 1);
            if (kills && random.nextInt(4) == 0) {
                var op = history.invoke("nemesis", other, Op.Kind.FAULT).note("kill and restart agent " + other);
                topology.region(other).agent().kill();
                topology.region(other).agent().restart();
                op.ok();
                faulted = true;
            } else if (cuts && i == settings.perRound() / 4) {
                var op = history.invoke("nemesis", writerRegion + "-" + other, Op.Kind.FAULT)
                    .note("partition " + writerRegion + "-" + other);
                topology.partition(writerRegion, other);
                try {
                    writeSome(List.of(writerRegion), false, settings.perRound() / 2);
                } finally {
                    topology.heal(writerRegion, other);
                    op.ok();
                }
                faulted = true;
            }
        }
        List<Disagreement> local = checkRegion(writerRegion);
        if (!local.isEmpty()) {
            return local;
        }
        return checkConverged(first || faulted ? settings.firstWrite() : settings.converge());
    }

    /** Every clock a few days ahead: rows whose expiration has passed are gone in every region. */
    private List<Disagreement> timeJump() {
        skewMs += Duration.ofDays(3).toMillis() + random.nextInt(24) * 3_600_000L;
        history.invoke("nemesis", String.join("-", regions), Op.Kind.FAULT).note("every clock +" + skewMs + " ms").ok();
        topology.regions().forEach(r -> r.skewClock(Duration.ofMillis(skewMs)));
        return checkConverged(settings.converge());
    }

    /** A table made in one region and written there, then made in the others: they copy its rows. */
    private List<Disagreement> initRound() {
        ModelTable t = ModelTables.plain(prefix + "Init" + (++initTables));
        String source = regions.get(random.nextInt(regions.size()));
        model.addTable(t);
        create(t, List.of(source));
        List<ModelTable> before = new ArrayList<>(tables);
        tables.add(t);
        for (int i = 0; i < settings.perRound(); i++) {
            ObjectNode key = RowValues.JSON.createObjectNode().put("id", i);
            step(new OpGenerator.Step(source, t, new io.mrtck.model.Write.Put(t.name(), generator.row(t, key),
                io.mrtck.model.Write.Condition.ALWAYS, null, null, false), random.nextBoolean(), false));
        }
        List<Disagreement> local = checkRegion(source);
        if (!local.isEmpty()) {
            return local;
        }
        create(t, regions.stream().filter(r -> !r.equals(source)).toList());
        List<Disagreement> out = checkConverged(settings.firstWrite());
        tables.clear();
        tables.addAll(before); // later rounds write the three main tables
        return out;
    }

    /**
     * Schema evolution of an MR table: a column added in every region (the DDL of an MR table is
     * not replicated), after which old rows read it as NULL and new writes carry it.
     */
    private List<Disagreement> schemaRound() {
        ModelTable t = tables.get(0);
        String column = "added" + (t.columns().size());
        List<ModelTable.Column> columns = new ArrayList<>(t.columns());
        columns.add(ModelTable.Column.of(column, "STRING"));
        ModelTable evolved = new ModelTable(t.name(), columns, t.primaryKey(), t.shardKeySize(), t.defaultTtl());
        String ddl = "ALTER TABLE " + t.name() + " (ADD " + column + " STRING)";
        for (String r : regions) {
            clients.handle(r).doTableRequest(new TableRequest().setStatement(ddl), 60_000, 100);
        }
        history.invoke("client", String.join(",", regions), Op.Kind.TABLE).row(t.name(), null)
            .counters(evolved.counterPaths()).note(ddl).ok();
        tables.set(0, evolved);
        model.addColumn(evolved, column);
        List<Disagreement> before = checkConverged(settings.converge());
        if (!before.isEmpty()) {
            return before;
        }
        return streamRound(false);
    }

    /**
     * The workshop's backup and restore with the kit's tools: a table exported from one region,
     * maybe every clock days ahead before the restore, then re-created everywhere and imported in
     * one region; it must come back as the model had it, without the rows expired meanwhile.
     */
    private List<Disagreement> backupRound() {
        // every other backup takes the counters table: a restore must bring counter values back
        ModelTable t = rounds.get("backup") % 2 == 1 ? tables.get(1) : tables.get(random.nextInt(tables.size()));
        String from = regions.get(random.nextInt(regions.size()));
        String into = regions.get(random.nextInt(regions.size()));
        ExportFormat format = random.nextBoolean() ? ExportFormat.BINARY : ExportFormat.JSON;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mrtck-model-backup");
            Path pkg = dir.resolve("backup");
            // the restore re-creates the table: a TABLE entry, with its counters like the first
            var op = history.invoke("client", from, Op.Kind.TABLE).row(t.name(), null).counters(t.counterPaths())
                .note("backup " + format + " from " + from + ", restore into " + into);
            new Backup(topology, clients, QUIET, 10_000).runFrom(from, t.name(), pkg, format);
            if (topology.capabilities().contains(Capability.CLOCK_SKEW) && random.nextBoolean()) {
                timeJump();
            }
            long lo = now();
            String toolComplaint = null;
            try {
                new Restore(topology, clients, QUIET, 10_000).run(pkg,
                    new Restore.Options(into, true, Duration.ZERO, settings.firstWrite()));
            } catch (BackupException e) {
                // the restore compares every region with the backup itself; the model's comparison comes first
                toolComplaint = e.getMessage();
            }
            long hi = now();
            op.ok();
            recordRestore(t, into, lo, hi);
            model.restore(t.name(), into, lo, hi, lo);
            List<Disagreement> found = checkConverged(settings.converge());
            if (found.isEmpty() && toolComplaint != null) {
                found.add(new Disagreement(into, t.name(), "*", "restore", "the restore's own check passes", toolComplaint));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("backup round on " + t.name(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The restore's writes, as the history needs them: every row of the table gone (dropped and
     * re-created), then each row the import wrote in {@code into}, its counters added back.
     */
    private void recordRestore(ModelTable t, String into, long lo, long hi) {
        for (ObjectNode key : generator.keySpace(t)) {
            String k = RowValues.key(t, key);
            history.add(new Op(-1, "restore", into, Op.Kind.DELETE, t.name(), k, null, null, null, null, null, lo, lo,
                Op.Outcome.OK, true, null, null, null, "table dropped and re-created by the restore"));
        }
        for (ObjectNode key : generator.keySpace(t)) {
            String k = RowValues.key(t, key);
            Shown shown = reader.read(into, clients.handle(into), t, k).shown();
            if (!shown.present()) {
                continue;
            }
            history.add(new Op(-1, "restore", into, Op.Kind.PUT, t.name(), k, shown.value().toString(), null, null,
                null, null, lo, hi, Op.Outcome.OK, true, null, shown.modificationTime(), shown.expirationTime(),
                "imported by the restore"));
            for (String path : t.counterPaths()) {
                JsonNode n = shown.value();
                for (String part : path.split("\\.")) {
                    n = n == null ? null : n.get(part);
                }
                if (n != null && n.asLong() != 0) {
                    history.add(new Op(-1, "restore", into, Op.Kind.INCREMENT, t.name(), k, null, path,
                        java.math.BigDecimal.valueOf(n.asLong()), null, null, lo, hi, Op.Outcome.OK, true, null, null,
                        null, "counter restored by the import"));
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    private void writeSome(List<String> in, boolean frozen) {
        writeSome(in, frozen, settings.perRound());
    }

    private void writeSome(List<String> in, boolean frozen, int count) {
        int made = 0;
        int tries = 0;
        while (made < count && tries++ < count * 4) {
            OpGenerator.Step s = generator.next(in, tables, frozen, now());
            if (s != null) {
                step(s);
                made++;
            }
        }
    }

    private void step(OpGenerator.Step s) {
        NoSQLHandle h = clients.handle(s.region());
        oracle.nosql.driver.Version version = null;
        if (s.readVersionFirst()) {
            version = reader.read(s.region(), h, s.table(), keyOf(s)).version();
        }
        List<ObjectNode> shardRows = s.write() instanceof io.mrtck.model.Write.MultiDelete m
            ? generator.keySpace(s.table()).stream().filter(k -> t(k, m.shardKey()))
                .filter(k -> model.live(s.region(), s.table().name(), RowValues.key(s.table(), k), now()) != null).toList()
            : List.of();
        long invoke = System.currentTimeMillis();
        SdkWriter.Written written = writer.write(s.region(), h, s.table(), s.write(), version, s.sql(), shardRows);
        boolean applied = written.applied();
        long complete = System.currentTimeMillis();
        for (Op op : written.ops()) {
            if (op.tookEffect() && frozenAt != null && op.kind().isDelete()) {
                // a region whose clock stands still stamps its tombstone with that instant: the history knows it
                op = op.withResult(null, frozenAt, null);
                history.replace(op);
            }
            if (op.tookEffect()) {
                lastWrites.put(s.region() + "/" + op.table().toLowerCase(java.util.Locale.ROOT) + "/" + op.key(), op);
            }
        }
        long lo = frozenAt != null ? frozenAt : invoke + skewMs;
        long hi = frozenAt != null ? frozenAt : complete + skewMs;
        boolean expected = model.write(s.region(), s.write(), lo, hi);
        writes++;
        if (applied != expected) {
            throw new AssertionError("the model says " + s.write() + " in " + s.region() + (expected ? " applies" : " does not apply")
                + " but the region says it " + (applied ? "did" : "did not") + "; history: last op #" + (history.size() - 1));
        }
    }

    private static boolean t(ObjectNode key, ObjectNode shardKey) {
        return shardKey.properties().stream().allMatch(e -> e.getValue().equals(key.get(e.getKey())));
    }

    private static String keyOf(OpGenerator.Step s) {
        if (s.write() instanceof io.mrtck.model.Write.Put p) {
            return RowValues.key(s.table(), p.row());
        }
        return RowValues.key(s.table(), ((io.mrtck.model.Write.Delete) s.write()).key());
    }

    private List<Disagreement> checkEachRegion() {
        List<Disagreement> out = new ArrayList<>();
        regions.forEach(r -> out.addAll(checkRegion(r)));
        return out;
    }

    /** Each row of the key space in one region against the model's rows of that region. */
    private List<Disagreement> checkRegion(String region) {
        List<Disagreement> out = new ArrayList<>();
        for (ModelTable t : tables) {
            for (ObjectNode key : generator.keySpace(t)) {
                String k = RowValues.key(t, key);
                Shown shown = reader.read(region, clients.handle(region), t, k).shown();
                out.addAll(model.checkLocal(region, t.name(), k, shown, now()));
                Op last = lastWrites.remove(region + "/" + t.name().toLowerCase(java.util.Locale.ROOT) + "/" + k);
                if (last != null && shown.present()) {
                    // the row this write left, read back before anything could change it: the checker's evidence
                    history.replace(last.withResult(shown.value().toString(), shown.modificationTime(),
                        shown.expirationTime()));
                }
            }
        }
        return out;
    }

    /** Waits until the regions agree, then compares every region's rows with the model's replicated state. */
    private List<Disagreement> checkConverged(Duration timeout) {
        Map<String, NoSQLHandle> handles = new LinkedHashMap<>();
        regions.forEach(r -> handles.put(r, clients.handle(r)));
        Convergence convergence = new Convergence(handles, timeout);
        List<Disagreement> out = new ArrayList<>();
        for (ModelTable t : tables) {
            try {
                convergence.await(t.name(), t.primaryKey());
            } catch (AssertionError e) {
                out.add(new Disagreement(String.join(",", regions), t.name(), "*", "convergence", "the regions agree",
                    e.getMessage()));
            }
        }
        history.invoke("checker", String.join("-", regions), Op.Kind.QUIESCE).ok();
        sampleStatistics();
        model.replicate(now());
        for (ModelTable t : tables) {
            for (ObjectNode key : generator.keySpace(t)) {
                String k = RowValues.key(t, key);
                Map<String, Shown> byRegion = new LinkedHashMap<>();
                regions.forEach(r -> byRegion.put(r, reader.read(r, clients.handle(r), t, k).shown()));
                out.addAll(model.checkConverged(t.name(), k, byRegion, now()));
            }
        }
        return out;
    }

    /** Each agent's latest statistics, for the checker's INV-STATS (a target without them records none). */
    private void sampleStatistics() {
        StatisticsSampler.sample(history, topology, regions);
    }

    private void create(ModelTable t, List<String> in) {
        for (String r : in) {
            clients.handle(r).doTableRequest(new TableRequest().setStatement(t.ddl(regions)), 60_000, 100);
        }
        if (in.size() == regions.size() || history.ops().stream().noneMatch(o -> o.kind() == Op.Kind.TABLE
                && t.name().equals(o.table()))) {
            history.invoke("client", String.join(",", in), Op.Kind.TABLE).row(t.name(), null)
                .counters(t.counterPaths()).note(t.ddl(regions)).ok();
        }
    }

    /** The regions' time now (they share the machine's clock, shifted by the run's time jumps). */
    private long now() {
        return frozenAt != null ? frozenAt : System.currentTimeMillis() + skewMs;
    }

    private void restoreClocks() {
        if (skewMs != 0 || frozenAt != null) {
            topology.regions().forEach(r -> r.skewClock(Duration.ZERO));
        }
    }
}
