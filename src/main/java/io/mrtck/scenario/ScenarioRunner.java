package io.mrtck.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.checker.Checker;
import io.mrtck.checker.Verdict;
import io.mrtck.checker.Violation;
import io.mrtck.client.Convergence;
import io.mrtck.client.RegionClients;
import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.model.ModelTable;
import io.mrtck.model.RowValues;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import io.mrtck.workload.SdkReader;
import io.mrtck.workload.SdkWriter;
import oracle.nosql.driver.NoSQLException;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.RequestTimeoutException;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.QueryResult;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Runs a {@link Scenario} on a running topology (the client and the nemesis of a Jepsen run):
 * every write through the SDK and into the {@link History}, every fault and DDL recorded too;
 * {@code quiesce} waits (bounded) for replicating regions to agree, {@code check} judges the
 * history with the {@link Checker}. The first failing check ends the run; faults are undone.
 */
public final class ScenarioRunner {

    /**
     * @param defaultWait  the bound of a quiesce, DDL or await-init that names none (the real engine's
     *                     first write to a new table may take ~30 s: 90 s by default)
     * @param maxWait      every bound is cut to this (a reference-only run that must fail fast under a
     *                     mutant); null: none
     */
    public record Settings(Duration defaultWait, Duration maxWait) {
        public static Settings standard() {
            return new Settings(Duration.ofSeconds(90), null);
        }

        Duration bound(Duration asked) {
            Duration d = asked == null ? defaultWait : asked;
            return maxWait != null && d.compareTo(maxWait) > 0 ? maxWait : d;
        }
    }

    /** Ends the run at the first failing step. */
    private static final class Failed extends RuntimeException {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Ends the run as skipped: the target could not do a fault step in the state the scenario left it. */
    private static final class CannotDo extends RuntimeException {
        CannotDo(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Topology topology;
    private final RegionClients clients;
    private final Scenario scenario;
    private final Settings settings;
    private final List<String> regions;
    private final Map<String, Long> skewMs = new ConcurrentHashMap<>();
    private final Map<String, Long> frozenAt = new ConcurrentHashMap<>();
    private final History history = new History(this::clockOf);
    private final SdkReader reader = new SdkReader(history, "checker");
    private final Map<String, ModelTable> tables = new LinkedHashMap<>();
    private final Membership membership;
    /** table (lower case) → the key numbers written to it. */
    private final Map<String, Set<Integer>> written = new ConcurrentHashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scenario-writer");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> background = new ArrayList<>();
    private final Set<String> paused = new HashSet<>();
    private final Set<String> killed = new HashSet<>();
    private final Set<List<String>> cut = new HashSet<>();
    private final Set<List<String>> slowed = new HashSet<>();
    private final List<Op> restarts = new ArrayList<>();
    private int stepNumber;
    private int quiesces;
    /** How long regions may still take to agree once every marker has arrived (at most a third of the bound). */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private int writeSteps;

    public ScenarioRunner(Topology topology, RegionClients clients, Scenario scenario, Settings settings) {
        this.topology = topology;
        this.clients = clients;
        this.scenario = scenario;
        this.settings = settings;
        this.regions = scenario.topology().regions().stream().map(r -> topology.region(r).name()).toList();
        this.membership = new Membership(regions);
        scenario.tables().forEach(t -> tables.put(t.name().toLowerCase(Locale.ROOT), ScenarioTables.of(t)));
    }

    public History history() {
        return history;
    }

    /** What the target lacks to run the scenario, or null when it can run every step. */
    public static String unmet(Scenario s, Topology topology) {
        for (String r : s.topology().regions()) {
            if (topology.regions().stream().noneMatch(x -> x.name().equalsIgnoreCase(r))) {
                return "the target has no region " + r + " (it has "
                    + topology.regions().stream().map(Region::name).toList() + ")";
            }
        }
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        needs(s.steps(), needed);
        needed.removeAll(topology.capabilities());
        if (!needed.isEmpty()) {
            return "the target cannot " + needed + " (it offers " + topology.capabilities() + ")";
        }
        return null;
    }

    private static void needs(List<Step> steps, Set<Capability> out) {
        for (Step s : steps) {
            if (s instanceof Step.AgentAction a) {
                out.add(a.action().equals("pause") || a.action().equals("resume") ? Capability.PAUSE_AGENT
                    : Capability.KILL_AGENT);
            } else if (s instanceof Step.Link) {
                out.add(Capability.PARTITION);
            } else if (s instanceof Step.Latency) {
                out.add(Capability.LATENCY);
            } else if (s instanceof Step.RestartRegion) {
                out.add(Capability.RESTART_REGION);
            } else if (s instanceof Step.Clock c) {
                out.add(Capability.CLOCK_SKEW);
                if (c.freeze()) {
                    out.add(Capability.CLOCK_FREEZE);
                }
            } else if (s instanceof Step.Repeat r) {
                needs(r.steps(), out);
            }
        }
    }

    public ScenarioOutcome run() {
        long start = System.nanoTime();
        String unmet = unmet(scenario, topology);
        if (unmet != null) {
            return new ScenarioOutcome(scenario, ScenarioOutcome.Status.SKIPPED, unmet, List.of(), history,
                Duration.ofNanos(System.nanoTime() - start));
        }
        String reason = null;
        String skipped = null;
        try {
            for (Scenario.TableSpec t : scenario.tables()) {
                if (!t.create().isEmpty()) {
                    create(t.name(), t.create());
                }
            }
            steps(scenario.steps());
            stepNumber++;
            check(scenario.invariants(), "the end");
        } catch (Failed f) {
            reason = f.getMessage();
        } catch (CannotDo c) {
            skipped = c.getMessage();
        } finally {
            undoFaults();
        }
        ScenarioOutcome.Status status = skipped != null ? ScenarioOutcome.Status.SKIPPED
            : reason == null ? ScenarioOutcome.Status.PASSED : ScenarioOutcome.Status.FAILED;
        return new ScenarioOutcome(scenario, status, skipped != null ? skipped : reason, violations, history,
            Duration.ofNanos(System.nanoTime() - start));
    }

    private void steps(List<Step> steps) {
        for (Step s : steps) {
            stepNumber++;
            step(s);
        }
    }

    private void step(Step s) {
        if (s instanceof Step.Write w) {
            write(w);
        } else if (s instanceof Step.Join) {
            join();
        } else if (s instanceof Step.AgentAction a) {
            agent(a);
        } else if (s instanceof Step.Link l) {
            fault(l.a() + "-" + l.b(), (l.cut() ? "partition " : "heal ") + l.a() + "-" + l.b(), () -> {
                if (l.cut()) {
                    topology.partition(l.a(), l.b());
                    cut.add(List.of(l.a(), l.b()));
                } else {
                    topology.heal(l.a(), l.b());
                    cut.remove(List.of(l.a(), l.b()));
                    cut.remove(List.of(l.b(), l.a()));
                }
            });
        } else if (s instanceof Step.Latency l) {
            fault(l.from() + "-" + l.to(), "latency " + l.from() + "->" + l.to() + " " + l.ms() + " ms", () -> {
                topology.addLatency(l.from(), l.to(), Duration.ofMillis(l.ms()));
                slowed.add(List.of(l.from(), l.to()));
            });
        } else if (s instanceof Step.RestartRegion r) {
            restarts.add(fault(r.region(), "restart region " + r.region(), () -> topology.region(r.region()).restart()));
        } else if (s instanceof Step.Clock c) {
            clock(c);
        } else if (s instanceof Step.TableDdl d) {
            if (d.create()) {
                create(d.table(), d.in());
            } else {
                drop(d.table(), d.in());
            }
        } else if (s instanceof Step.RegionsDdl d) {
            String statement = "ALTER TABLE " + d.table() + (d.add() ? " ADD" : " DROP") + " REGIONS "
                + String.join(", ", d.regions());
            ddl(d.region(), statement, null);
            membership.regionsChanged(d.table(), d.region(), d.regions(), d.add());
        } else if (s instanceof Step.Ddl d) {
            ddl(d.region(), d.statement(), d.error());
        } else if (s instanceof Step.AwaitInit a) {
            awaitInit(a);
        } else if (s instanceof Step.Quiesce q) {
            quiesce(q.timeout());
        } else if (s instanceof Step.Check c) {
            check(c.invariants(), "step " + stepNumber);
        } else if (s instanceof Step.Expect e) {
            expect(e);
        } else if (s instanceof Step.Repeat r) {
            for (int i = 0; i < r.times(); i++) {
                steps(r.steps());
            }
        }
    }

    // ---- writes

    private void write(Step.Write w) {
        ModelTable t = table(w.table());
        long stepSeed = scenario.seed() * 1_000_003L + (++writeSteps);
        List<Runnable> threads = new ArrayList<>();
        for (int j = 0; j < w.threads(); j++) {
            int thread = j;
            threads.add(() -> writeThread(w, t, thread, new SplittableRandom(stepSeed + thread)));
        }
        List<Future<?>> started = threads.stream().<Future<?>>map(pool::submit).toList();
        if (w.background()) {
            background.addAll(started);
        } else {
            await(started);
        }
    }

    private void writeThread(Step.Write w, ModelTable t, int thread, SplittableRandom random) {
        SdkWriter writer = new SdkWriter(history, "client-" + writeSteps + "." + thread, true);
        NoSQLHandle h = clients.handle(w.region());
        long intervalNanos = w.rate() == null ? 0 : 1_000_000_000L * w.threads() / Math.max(1, w.rate());
        long next = System.nanoTime();
        for (int i = thread; i < w.count(); i += w.threads()) {
            if (intervalNanos > 0) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += intervalNanos;
            }
            int n = w.keys().numbers().get(i % w.keys().size());
            Writes.Made made = Writes.make(w.kind(), t, n, w.ttl(), random);
            written.computeIfAbsent(key(t.name()), x -> ConcurrentHashMap.newKeySet()).addAll(made.numbers());
            List<ObjectNode> shardRows = made.numbers().size() > 1 && made.write() instanceof io.mrtck.model.Write.MultiDelete
                ? made.numbers().stream().map(m -> ScenarioTables.key(t, m)).toList() : List.of();
            long invoke = clockOf(w.region());
            try {
                writer.write(w.region(), h, t, made.write(), null, made.sql(), shardRows);
            } catch (RuntimeException e) {
                recordFailedWrite(w, t, made, invoke, e);
            }
        }
    }

    /** A write the client saw fail: certainly not done if the region refused it, else perhaps done. */
    private void recordFailedWrite(Step.Write w, ModelTable t, Writes.Made made, long invoke, RuntimeException e) {
        boolean refused = e instanceof TableNotFoundException || e instanceof IllegalArgumentException;
        Op.Kind kind = switch (w.kind()) {
            case "delete", "delete-sql", "multi-delete" -> Op.Kind.DELETE;
            case "insert", "put-if-absent" -> Op.Kind.PUT_IF_ABSENT;
            case "put-if-present" -> Op.Kind.PUT_IF_PRESENT;
            case "update", "json" -> Op.Kind.UPDATE;
            case "set-ttl" -> Op.Kind.SET_TTL;
            case "increment", "decrement" -> Op.Kind.INCREMENT;
            default -> Op.Kind.PUT;
        };
        if (kind == Op.Kind.INCREMENT && !refused) {
            // an increment that may have happened: its delta bounds the counter's range
            var inc = (io.mrtck.model.Write.Increment) ((io.mrtck.model.Write.Update) made.write()).clauses().get(0);
            history.add(new Op(-1, "client", w.region(), kind, t.name(), RowValues.key(t, ScenarioTables.key(t,
                made.numbers().get(0))), null, inc.path(), BigDecimal.valueOf(inc.delta()), null, null, invoke,
                clockOf(w.region()), Op.Outcome.INFO, null, e.toString(), null, null, "write step " + stepNumber));
            return;
        }
        for (int n : made.numbers()) {
            history.add(new Op(-1, "client", w.region(), kind, t.name(), RowValues.key(t, ScenarioTables.key(t, n)),
                null, null, null, null, null, invoke, clockOf(w.region()),
                refused ? Op.Outcome.FAIL : Op.Outcome.INFO, null, e.toString(), null, null, "write step " + stepNumber));
        }
    }

    private void join() {
        List<Future<?>> all = new ArrayList<>(background);
        background.clear();
        await(all);
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a writer failed: " + e.getCause(), e.getCause());
            }
        }
    }

    // ---- faults

    private void agent(Step.AgentAction a) {
        var agent = topology.region(a.region()).agent();
        fault(a.region(), a.action() + " agent " + a.region(), () -> {
            switch (a.action()) {
                case "kill" -> {
                    agent.kill();
                    killed.add(a.region());
                }
                case "start", "restart" -> {
                    if (a.action().equals("restart")) {
                        agent.kill();
                    }
                    agent.restart();
                    killed.remove(a.region());
                }
                case "pause" -> {
                    agent.pause();
                    paused.add(a.region());
                }
                default -> {
                    agent.resume();
                    paused.remove(a.region());
                }
            }
        });
    }

    private void clock(Step.Clock c) {
        List<String> which = c.region().equals("all") ? regions : List.of(c.region());
        fault(String.join("-", which), c.freeze() ? "freeze clock of " + which : "clock of " + which + " "
            + Durations.format(c.by()) + " from real time", () -> {
                for (String r : which) {
                    if (c.freeze()) {
                        long at = clockOf(r);
                        topology.region(r).freezeClock(Instant.ofEpochMilli(at));
                        frozenAt.put(r, at);
                    } else {
                        topology.region(r).skewClock(c.by());
                        skewMs.put(r, c.by().toMillis());
                        frozenAt.remove(r);
                    }
                }
            });
    }

    /**
     * A fault step; a hook the target offers but cannot carry out in the state the scenario left
     * (the containers target cuts a link inside the agent's container, which is gone while the
     * agent is killed) skips the scenario with the reason: it is the target's limit, not a finding.
     */
    private Op fault(String where, String what, Runnable action) {
        var op = history.invoke("nemesis", where, Op.Kind.FAULT).note(what);
        try {
            action.run();
        } catch (RuntimeException e) {
            op.fail(e.toString());
            throw new CannotDo("step " + stepNumber + ": the target could not " + what + ": " + e.getMessage());
        }
        return op.ok();
    }

    /**
     * A conditional write answered "not applied" while its region restarted may have been applied:
     * the SDK retries a request whose connection broke, and the retry finds the first attempt's row.
     * The history keeps such a write as unknown (INFO), which is all the client can know.
     */
    private void forgetAnswersDuringRestarts() {
        for (Op restart : restarts) {
            for (Op op : history.ops()) {
                if (Boolean.FALSE.equals(op.applied()) && restart.region().equals(op.region())
                        && op.invokeMs() <= restart.completeMs() && op.completeMs() >= restart.invokeMs()) {
                    history.replace(new Op(op.index(), op.process(), op.region(), op.kind(), op.table(), op.key(),
                        op.value(), op.counter(), op.delta(), op.ttl(), op.batch(), op.invokeMs(), op.completeMs(),
                        Op.Outcome.INFO, null, "answered 'not applied' during a restart of " + op.region()
                            + ": the SDK may have retried it after the first attempt applied", op.modificationTime(),
                        op.expirationTime(), op.note()));
                }
            }
        }
    }

    /** Puts back what the scenario's faults left: agents running, links whole, clocks true. */
    private void undoFaults() {
        background.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        List<Runnable> undo = new ArrayList<>();
        paused.forEach(r -> undo.add(() -> topology.region(r).agent().resume()));
        killed.forEach(r -> undo.add(() -> topology.region(r).agent().restart()));
        cut.forEach(p -> undo.add(() -> topology.heal(p.get(0), p.get(1))));
        slowed.forEach(p -> undo.add(() -> topology.addLatency(p.get(0), p.get(1), Duration.ZERO)));
        if (!skewMs.isEmpty() || !frozenAt.isEmpty()) {
            regions.forEach(r -> undo.add(() -> topology.region(r).skewClock(Duration.ZERO)));
        }
        for (Runnable u : undo) {
            try {
                u.run();
            } catch (RuntimeException e) {
                // best effort: the topology is closed next in every caller
            }
        }
    }

    /** Each region's time: frozen, or the machine's clock shifted by its skew. */
    private long clockOf(String region) {
        if (region != null) {
            Long frozen = frozenAt.get(region);
            if (frozen != null) {
                return frozen;
            }
            Long skew = skewMs.get(region);
            if (skew != null) {
                return System.currentTimeMillis() + skew;
            }
        }
        // an operation on several regions: their common skew when they share one
        long common = regions.stream().map(r -> skewMs.getOrDefault(r, 0L)).distinct().count() == 1
            ? skewMs.getOrDefault(regions.get(0), 0L) : 0L;
        return System.currentTimeMillis() + common;
    }

    // ---- DDL

    private void create(String table, List<String> in) {
        ModelTable t = table(table);
        Scenario.TableSpec spec = spec(table);
        String ddl = t.ddl(spec.in());
        for (String r : in) {
            ddl(r, ddl, null);
            membership.created(table, r, spec.in());
        }
        history.invoke("client", String.join(",", in), Op.Kind.TABLE).row(t.name(), null).counters(t.counterPaths())
            .note(ddl).ok();
    }

    private void drop(String table, List<String> in) {
        ModelTable t = table(table);
        for (String r : in) {
            ddl(r, "DROP TABLE IF EXISTS " + t.name(), null);
            membership.dropped(table, r);
        }
        history.invoke("client", String.join(",", in), Op.Kind.TABLE).row(t.name(), null).counters(t.counterPaths())
            .note("DROP TABLE " + t.name() + " in " + in).ok();
        if (!membership.existsAnywhere(table)) {
            // gone everywhere: every row it had is gone, as if deleted now
            long at = clockOf(null);
            for (int n : written.getOrDefault(key(table), Set.of())) {
                history.add(new Op(-1, "client", in.get(0), Op.Kind.DELETE, t.name(),
                    RowValues.key(t, ScenarioTables.key(t, n)), null, null, null, null, null, at, at, Op.Outcome.OK, true,
                    null, null, null, "table dropped in every region"));
            }
            written.remove(key(table));
        }
    }

    private void ddl(String region, String statement, String expectedError) {
        NoSQLHandle h = clients.handle(region);
        Duration bound = settings.bound(null);
        var op = history.invoke("client", region, Op.Kind.TABLE).note(statement);
        String error = null;
        try {
            if (isRegionDdl(statement)) {
                h.doSystemRequest(statement, (int) bound.toMillis(), 200);
            } else {
                h.doTableRequest(new TableRequest().setStatement(statement), (int) bound.toMillis(), 200);
            }
        } catch (RequestTimeoutException e) {
            op.info(e.getMessage());
            fail(new Violation("INV-LIVE", null, null, List.of(), "step " + stepNumber + ": '" + statement + "' in "
                + region + " did not complete within " + bound + ": " + e.getMessage()));
        } catch (NoSQLException | IllegalArgumentException e) {
            error = e.getMessage();
        }
        if (error == null) {
            op.ok();
        } else {
            op.fail(error);
        }
        if (expectedError == null && error != null) {
            throw new Failed("step " + stepNumber + ": '" + statement + "' in " + region + " failed: " + error);
        }
        if (expectedError != null && (error == null || !error.toLowerCase(Locale.ROOT)
                .contains(expectedError.toLowerCase(Locale.ROOT)))) {
            throw new Failed("step " + stepNumber + ": '" + statement + "' in " + region + " should fail with '"
                + expectedError + "' but " + (error == null ? "succeeded" : "failed with: " + error));
        }
    }

    private static boolean isRegionDdl(String statement) {
        return statement.strip().toUpperCase(Locale.ROOT).matches("(CREATE|DROP)\\s+REGION\\s.*|SET\\s+LOCAL\\s+REGION\\s.*");
    }

    // ---- waits and checks

    private void awaitInit(Step.AwaitInit a) {
        Duration bound = settings.bound(a.timeout());
        Region r = topology.region(a.region());
        String[] last = {"no statistics"};
        try {
            org.awaitility.Awaitility.await("initialisation of " + a.table() + " in " + a.region())
                .atMost(bound).pollInterval(Duration.ofMillis(100)).until(() -> {
                    List<String> states = initStates(r, a.table());
                    last[0] = states.isEmpty() ? "no initialisation state" : states.toString();
                    // IN_PROGRESS is also met by a copy that finished before it could be seen running
                    return !states.isEmpty() && (a.state().equals("IN_PROGRESS")
                        || states.stream().allMatch("COMPLETE"::equals));
                });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail(new Violation("INV-LIVE", a.table(), null, List.of(), "step " + stepNumber + ": the agent of "
                + a.region() + " did not show the initialisation of " + a.table() + " " + a.state() + " within "
                + bound + "; last seen: " + last[0]));
        }
    }

    /** The initialisation states the latest statistics of the region's agents show for a table. */
    private static List<String> initStates(Region r, String table) {
        List<String> out = new ArrayList<>();
        for (var agent : r.agents()) {
            try {
                // "-table" already narrows the answer to that table, which it names in a value ("tableName"), not a key
                collectStates(RowValues.JSON.readTree(r.admin().execute("show mrtable-agent-statistics -agent "
                    + agent.id() + " -table " + table + " -json")), table, true, out);
            } catch (RuntimeException | java.io.IOException e) {
                // not written yet: the next poll asks again
            }
        }
        return out;
    }

    private static void collectStates(JsonNode n, String table, boolean inTable, List<String> out) {
        if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                boolean here = inTable || e.getKey().equalsIgnoreCase(table);
                if (here && e.getKey().equals("state") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collectStates(e.getValue(), table, here, out);
                }
            }
        } else if (n.isArray()) {
            // records oldest first: the last one that speaks of the table is the latest
            List<String> latest = List.of();
            for (JsonNode x : n) {
                List<String> found = new ArrayList<>();
                collectStates(x, table, inTable, found);
                if (!found.isEmpty()) {
                    latest = found;
                }
            }
            out.addAll(latest);
        }
    }

    /**
     * Joins the writers, then, for each table and each pair of regions replicating it, writes a new
     * marker row in each region and waits (bounded) until it shows in the others: a marker that
     * does not arrive is INV-LIVE. Once every marker has arrived, everything written before it has
     * been streamed; the regions get a little longer to agree, and what still differs is left to
     * the checks to name (a divergence, not a stall).
     */
    private void quiesce(Duration timeout) {
        join();
        Duration bound = settings.bound(timeout);
        quiesces++;
        SdkWriter marker = new SdkWriter(history, "quiesce", true);
        for (ModelTable t : tables.values()) {
            for (List<String> group : membership.replicatingGroups(t.name())) {
                Map<String, Integer> markers = new LinkedHashMap<>();
                for (String r : group) {
                    // a shard of its own (sid < 0 in a sharded table): no multi-delete of the scenario's keys reaches it
                    int n = -10 * (quiesces * regions.size() + regions.indexOf(r) + 1);
                    markers.put(r, n);
                    written.computeIfAbsent(key(t.name()), x -> ConcurrentHashMap.newKeySet()).add(n);
                    marker.write(r, clients.handle(r), t, new io.mrtck.model.Write.Put(t.name(), ScenarioTables.row(t,
                        n, new SplittableRandom(n)), io.mrtck.model.Write.Condition.ALWAYS, null, null, false), null,
                        false, List.of());
                }
                markers.forEach((from, n) -> group.stream().filter(to -> !to.equals(from))
                    .forEach(to -> awaitMarker(t, from, to, n, bound)));
                Map<String, NoSQLHandle> handles = new LinkedHashMap<>();
                group.forEach(r -> handles.put(r, clients.handle(r)));
                try {
                    new Convergence(handles, bound.dividedBy(3).compareTo(SETTLE) < 0 ? bound.dividedBy(3) : SETTLE)
                        .await(t.name(), t.primaryKey());
                } catch (AssertionError e) {
                    // streamed but different: the check that follows names the keys and the invariant
                }
            }
        }
        history.invoke("checker", String.join("-", regions), Op.Kind.QUIESCE).ok();
    }

    private void awaitMarker(ModelTable t, String from, String to, int n, Duration bound) {
        NoSQLHandle h = clients.handle(to);
        var key = SdkWriter.map(ScenarioTables.key(t, n));
        try {
            org.awaitility.Awaitility.await("marker " + n + " of " + t.name() + " from " + from + " in " + to)
                .atMost(bound).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> h.get(new oracle.nosql.driver.ops.GetRequest().setTableName(t.name()).setKey(key))
                    .getValue() != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail(new Violation("INV-LIVE", t.name(), null, List.of(), "step " + stepNumber + ": quiesce: a row written in "
                + from + " (key " + RowValues.key(t, ScenarioTables.key(t, n)) + " of " + t.name() + ") did not reach "
                + to + " within " + bound + ": replication from " + from + " to " + to + " stalled"));
        }
    }

    private void check(List<String> invariants, String where) {
        quiesce(null);
        forgetAnswersDuringRestarts();
        List<Violation> found = new ArrayList<>();
        for (ModelTable t : tables.values()) {
            if (membership.fullyLinked(t.name())) {
                regions.forEach(r -> found.addAll(readAll(r, t)));
            }
        }
        sampleStatistics();
        Set<String> judged = new HashSet<>();
        tables.values().stream().filter(t -> membership.fullyLinked(t.name())).forEach(t -> judged.add(key(t.name())));
        List<Op> ops = history.ops().stream().filter(o -> o.table() == null || o.kind() == Op.Kind.TABLE
            || judged.contains(key(o.table()))).toList();
        Verdict verdict = Checker.standard().check(ops);
        found.addAll(verdict.violations());
        List<Violation> failing = found.stream().filter(v -> invariants.contains(v.invariant())).toList();
        if (!failing.isEmpty()) {
            violations.addAll(failing);
            throw new Failed("check at " + where + ": " + String.join(", ", failing.stream().map(Violation::invariant)
                .distinct().toList()));
        }
    }

    /**
     * Every written key read in one region (the checker's final states), and the table scanned: a
     * scan must show exactly the rows a read shows (INV-READ: no tombstone or half-formed row).
     */
    private List<Violation> readAll(String region, ModelTable t) {
        NoSQLHandle h = clients.handle(region);
        Map<String, JsonNode> byGet = new LinkedHashMap<>();
        List<Violation> out = new ArrayList<>();
        for (int n : new java.util.TreeSet<>(written.getOrDefault(key(t.name()), Set.of()))) {
            String k = RowValues.key(t, ScenarioTables.key(t, n));
            try {
                var shown = reader.read(region, h, t, k).shown();
                if (shown.present()) {
                    byGet.put(k, shown.value());
                }
            } catch (RuntimeException e) {
                out.add(new Violation("INV-READ", t.name(), k, List.of(), "a read of " + k + " in " + region
                    + " failed: " + e));
            }
        }
        Map<String, JsonNode> byScan = new LinkedHashMap<>();
        try (QueryRequest q = new QueryRequest().setStatement("SELECT * FROM " + t.name())) {
            do {
                QueryResult r = h.query(q);
                for (MapValue row : r.getResults()) {
                    JsonNode value = RowValues.JSON.readTree(row.toJson());
                    byScan.put(RowValues.key(t, (ObjectNode) value), value);
                }
            } while (!q.isDone());
        } catch (RuntimeException | java.io.IOException e) {
            out.add(new Violation("INV-READ", t.name(), null, List.of(), "a scan of " + t.name() + " in " + region
                + " failed: " + e));
            return out;
        }
        for (var e : byScan.entrySet()) {
            if (!byGet.containsKey(e.getKey()) && written.getOrDefault(key(t.name()), Set.of()).stream()
                    .anyMatch(n -> RowValues.key(t, ScenarioTables.key(t, n)).equals(e.getKey()))) {
                out.add(new Violation("INV-READ", t.name(), e.getKey(), List.of(), "a scan of " + t.name() + " in "
                    + region + " returns " + e.getValue() + " for key " + e.getKey() + ", which a read shows absent"));
            } else if (!byGet.containsKey(e.getKey())) {
                out.add(new Violation("INV-READ", t.name(), e.getKey(), List.of(), "a scan of " + t.name() + " in "
                    + region + " returns " + e.getValue() + ", a key no client wrote"));
            }
        }
        for (String k : byGet.keySet()) {
            if (!byScan.containsKey(k)) {
                out.add(new Violation("INV-READ", t.name(), k, List.of(), "a read of " + k + " in " + region
                    + " shows " + byGet.get(k) + " but a scan of the table does not return it"));
            }
        }
        return out;
    }

    private void expect(Step.Expect e) {
        ModelTable t = table(e.table());
        List<String> wrong = new ArrayList<>(unexpected(e, t));
        if (!wrong.isEmpty() && e.within() != null) {
            Duration bound = settings.bound(e.within());
            try {
                org.awaitility.Awaitility.await("keys of " + t.name() + " in " + e.region()).atMost(bound)
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        List<String> now = unexpected(e, t);
                        wrong.clear();
                        wrong.addAll(now);
                        return now.isEmpty();
                    });
            } catch (org.awaitility.core.ConditionTimeoutException x) {
                // reported below with what was still wrong
            }
        }
        if (!wrong.isEmpty()) {
            fail(new Violation(e.invariant(), t.name(), wrong.get(0), List.of(), "step " + stepNumber + ": "
                + wrong.size() + " of " + e.keys().size() + " key(s) of " + t.name() + " are "
                + (e.present() ? "missing" : "present") + " in " + e.region() + ", expected "
                + (e.present() ? "present" : "absent") + (e.within() == null ? "" : " within " + e.within()) + ": "
                + wrong.subList(0, Math.min(10, wrong.size()))));
        }
    }

    /** The keys of an expect step that are not as it expects now. */
    private List<String> unexpected(Step.Expect e, ModelTable t) {
        NoSQLHandle h = clients.handle(e.region());
        List<String> wrong = new ArrayList<>();
        for (int n : e.keys().numbers()) {
            String k = RowValues.key(t, ScenarioTables.key(t, n));
            boolean present;
            try {
                // polled: not recorded (an expect judges presence itself; the history keeps the checks' reads)
                present = h.get(new oracle.nosql.driver.ops.GetRequest().setTableName(t.name())
                    .setKey(SdkWriter.map(ScenarioTables.key(t, n)))).getValue() != null;
            } catch (TableNotFoundException x) {
                present = false;
            }
            if (present != e.present()) {
                wrong.add(k);
            }
        }
        return wrong;
    }

    private void sampleStatistics() {
        io.mrtck.workload.StatisticsSampler.sample(history, topology, regions);
    }

    private void fail(Violation v) {
        violations.add(v);
        throw new Failed(v.invariant() + " at step " + stepNumber);
    }

    private ModelTable table(String name) {
        return tables.get(key(name));
    }

    private Scenario.TableSpec spec(String name) {
        return scenario.tables().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
