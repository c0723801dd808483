package io.mrtck.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes scenario files (docs/scenarios.md). Reading checks everything it can before
 * anything runs — unknown verbs, regions, tables, write kinds, invariants, misspelt fields — and
 * says which step of which file is wrong.
 */
public final class ScenarioFile {
    static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    public static final List<String> SHAPES = List.of("plain", "counters", "sharded", "keyonly");
    public static final List<String> WRITE_KINDS = List.of("put", "upsert", "insert", "put-if-absent",
        "put-if-present", "update", "json", "delete", "delete-sql", "multi-delete", "write-multiple", "increment",
        "decrement", "set-ttl");
    private static final Set<String> TOP = Set.of("id", "catalogue", "title", "seed", "mutant", "breaks", "topology",
        "tables", "steps", "invariants", "description");

    private ScenarioFile() {
    }

    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioFormatException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.getFileName().toString());
    }

    /** @param origin the file name, for messages */
    public static Scenario parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException(origin + ": not YAML: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException(origin + ": a scenario is a YAML map (id, topology, tables, steps)");
        }
        try {
            return new Reader(root).scenario();
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(origin + ": " + e.getMessage());
        }
    }

    public static String toYaml(Scenario s) {
        ObjectNode root = ScenarioFile.YAML.createObjectNode();
        root.put("id", s.id());
        if (s.catalogue() != null) {
            root.put("catalogue", s.catalogue());
        }
        if (s.title() != null) {
            root.put("title", s.title());
        }
        root.put("seed", s.seed());
        if (s.mutant() != null) {
            root.put("mutant", s.mutant());
        }
        if (s.breaks() != null) {
            root.put("breaks", s.breaks());
        }
        ObjectNode topo = root.putObject("topology");
        s.topology().regions().forEach(topo.putArray("regions")::add);
        topo.put("agentGroupSize", s.topology().agentGroupSize());
        if (s.topology().statsIntervalSecs() != null) {
            topo.put("statsIntervalSecs", s.topology().statsIntervalSecs());
        }
        ArrayNode tables = root.putArray("tables");
        for (Scenario.TableSpec t : s.tables()) {
            ObjectNode n = tables.addObject().put("name", t.name()).put("shape", t.shape());
            t.in().forEach(n.putArray("in")::add);
            t.create().forEach(n.putArray("create")::add);
            if (t.ttl() != null) {
                n.put("ttl", t.ttl());
            }
        }
        ArrayNode steps = root.putArray("steps");
        s.steps().forEach(x -> steps.add(x.toNode()));
        s.invariants().forEach(root.putArray("invariants")::add);
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Scenario s, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toYaml(s));
    }

    /** One file's parse, keeping what earlier parts declared (regions, tables) to check later parts. */
    private static final class Reader {
        private final JsonNode root;
        private List<String> regions;
        private final Map<String, Scenario.TableSpec> tables = new java.util.LinkedHashMap<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        Scenario scenario() {
            root.fieldNames().forEachRemaining(f -> {
                if (!TOP.contains(f)) {
                    throw new IllegalArgumentException("unknown field '" + f + "'; fields: " + TOP);
                }
            });
            String id = text(root, "id", null);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("the scenario has no id");
            }
            JsonNode topo = root.path("topology");
            regions = topo.has("regions") ? strings(topo.get("regions"), "topology.regions") : List.of("FR", "CO");
            if (regions.size() < 2) {
                throw new IllegalArgumentException("topology.regions needs at least two regions, has " + regions);
            }
            int group = topo.path("agentGroupSize").asInt(1);
            if (group < 1) {
                throw new IllegalArgumentException("topology.agentGroupSize must be at least 1, is " + group);
            }
            Integer stats = topo.has("statsIntervalSecs") ? topo.get("statsIntervalSecs").asInt() : null;
            for (JsonNode t : root.path("tables")) {
                Scenario.TableSpec spec = declaration(t);
                if (tables.put(spec.name().toLowerCase(Locale.ROOT), spec) != null) {
                    throw new IllegalArgumentException("table " + spec.name() + " is declared twice");
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("no tables: declare at least one under 'tables'");
            }
            if (!root.path("steps").isArray() || root.path("steps").isEmpty()) {
                throw new IllegalArgumentException("no steps: the timeline goes under 'steps'");
            }
            List<Step> steps = steps(root.get("steps"), "step ");
            List<String> invariants = root.has("invariants") ? invariants(root.get("invariants"), "invariants")
                : Scenario.INVARIANTS;
            String mutant = text(root, "mutant", null);
            String breaks = text(root, "breaks", null);
            if (breaks != null) {
                invariant(breaks, "breaks");
            }
            if (mutant != null) {
                for (String m : mutant.split(",")) {
                    try {
                        io.mrtck.reference.Mutant.valueOf(m.strip());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("mutant: no reference mutant '" + m.strip() + "'; mutants: "
                            + java.util.Arrays.toString(io.mrtck.reference.Mutant.values()));
                    }
                }
            }
            if (mutant != null && breaks == null) {
                throw new IllegalArgumentException("mutant " + mutant + " is named but not the invariant it breaks ('breaks')");
            }
            return new Scenario(id, text(root, "catalogue", null), text(root, "title", null),
                root.path("seed").asLong(1), mutant, breaks, new Scenario.Topo(regions, group, stats),
                List.copyOf(tables.values()), steps, invariants);
        }

        private Scenario.TableSpec declaration(JsonNode t) {
            String name = text(t, "name", null);
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("table name '" + name + "' is not an identifier");
            }
            String shape = text(t, "shape", "plain");
            if (!SHAPES.contains(shape)) {
                throw new IllegalArgumentException("table " + name + ": unknown shape '" + shape + "'; shapes: " + SHAPES);
            }
            List<String> in = t.has("in") ? regions(t.get("in"), "table " + name + " in") : regions;
            List<String> create = t.has("create") ? regions(t.get("create"), "table " + name + " create") : regions;
            String ttl = text(t, "ttl", null);
            return new Scenario.TableSpec(name, shape, in, create, ttl);
        }

        private List<Step> steps(JsonNode list, String where) {
            List<Step> out = new ArrayList<>();
            int i = 0;
            for (JsonNode s : list) {
                i++;
                if (!s.isObject() || s.size() != 1) {
                    throw new IllegalArgumentException(where + i + ": a step is a map with one key, the verb; got " + s);
                }
                String verb = s.fieldNames().next();
                try {
                    out.add(step(verb, s.get(verb)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + i + " (" + verb + "): " + e.getMessage(), e);
                }
            }
            return out;
        }

        private Step step(String verb, JsonNode a) {
            switch (verb) {
                case "write": {
                    only(a, "region", "table", "kind", "keys", "count", "threads", "rate", "ttl", "background");
                    String kind = text(a, "kind", "put");
                    if (!WRITE_KINDS.contains(kind)) {
                        throw new IllegalArgumentException("unknown kind '" + kind + "'; kinds: " + WRITE_KINDS);
                    }
                    Scenario.TableSpec t = table(a);
                    checkKind(kind, t);
                    Keys keys = Keys.parse(a.get("keys"));
                    int threads = a.path("threads").asInt(1);
                    if (threads < 1 || threads > 64) {
                        throw new IllegalArgumentException("threads must be 1 to 64, is " + threads);
                    }
                    String ttl = text(a, "ttl", null);
                    if (kind.equals("set-ttl") && ttl == null) {
                        throw new IllegalArgumentException("set-ttl needs a ttl (e.g. ttl: 2 DAYS)");
                    }
                    return new Step.Write(region(a, "region"), t.name(), kind, keys, a.path("count").asInt(keys.size()),
                        threads, a.has("rate") ? a.get("rate").asInt() : null, ttl, a.path("background").asBoolean(false));
                }
                case "join":
                    return new Step.Join();
                case "kill-agent": case "start-agent": case "restart-agent": case "pause-agent": case "resume-agent":
                    return new Step.AgentAction(verb.substring(0, verb.indexOf('-')), regionName(a.asText(), verb));
                case "partition": case "heal": {
                    List<String> pair = regions(a, verb);
                    if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
                        throw new IllegalArgumentException("names two different regions, got " + pair);
                    }
                    return new Step.Link(verb.equals("partition"), pair.get(0), pair.get(1));
                }
                case "latency":
                    only(a, "from", "to", "ms");
                    return new Step.Latency(region(a, "from"), region(a, "to"), a.path("ms").asLong(0));
                case "restart-region":
                    return new Step.RestartRegion(regionName(a.asText(), verb));
                case "skew-clock": case "freeze-clock": {
                    only(a, "region", "by");
                    String r = text(a, "region", "all");
                    boolean freeze = verb.equals("freeze-clock");
                    if (!freeze && !a.has("by")) {
                        throw new IllegalArgumentException("skew-clock needs 'by' (e.g. by: 3d)");
                    }
                    return new Step.Clock(freeze, r.equals("all") ? "all" : regionName(r, "region"),
                        freeze ? null : Durations.parse(a.get("by").asText()));
                }
                case "create": case "drop":
                    only(a, "table", "in");
                    return new Step.TableDdl(verb.equals("create"), table(a).name(),
                        a.has("in") ? regions(a.get("in"), "in") : regions);
                case "add-regions": case "drop-regions":
                    only(a, "table", "region", "regions");
                    return new Step.RegionsDdl(verb.equals("add-regions"), table(a).name(), region(a, "region"),
                        regions(a.get("regions"), "regions"));
                case "ddl": {
                    only(a, "region", "statement", "error");
                    String statement = text(a, "statement", null);
                    if (statement == null || statement.isBlank()) {
                        throw new IllegalArgumentException("no statement");
                    }
                    return new Step.Ddl(region(a, "region"), statement, text(a, "error", null));
                }
                case "await-init": {
                    only(a, "region", "table", "state", "timeout");
                    String state = text(a, "state", "COMPLETE");
                    if (!List.of("IN_PROGRESS", "COMPLETE").contains(state)) {
                        throw new IllegalArgumentException("state is IN_PROGRESS or COMPLETE, not " + state);
                    }
                    return new Step.AwaitInit(region(a, "region"), table(a).name(), state, duration(a));
                }
                case "quiesce":
                    only(a, "timeout");
                    return new Step.Quiesce(duration(a));
                case "check":
                    return new Step.Check(a == null || a.isNull() || a.isEmpty() ? Scenario.INVARIANTS
                        : invariants(a, "check"));
                case "expect": {
                    only(a, "region", "table", "keys", "present", "invariant", "within");
                    String inv = text(a, "invariant", "INV-CONV");
                    invariant(inv, "invariant");
                    return new Step.Expect(region(a, "region"), table(a).name(), Keys.parse(a.get("keys")),
                        a.path("present").asBoolean(true), inv,
                        a.has("within") ? Durations.parse(a.get("within").asText()) : null);
                }
                case "repeat": {
                    only(a, "times", "steps");
                    int times = a.path("times").asInt(0);
                    if (times < 1) {
                        throw new IllegalArgumentException("times must be at least 1");
                    }
                    return new Step.Repeat(times, steps(a.path("steps"), "repeated step "));
                }
                default:
                    throw new IllegalArgumentException("unknown verb; verbs: write, join, kill-agent, start-agent, "
                        + "restart-agent, pause-agent, resume-agent, partition, heal, latency, restart-region, skew-clock, "
                        + "freeze-clock, create, drop, add-regions, drop-regions, ddl, await-init, quiesce, check, expect, repeat");
            }
        }

        private void checkKind(String kind, Scenario.TableSpec t) {
            boolean counters = t.shape().equals("counters");
            boolean sharded = t.shape().equals("sharded");
            if ((kind.equals("increment") || kind.equals("decrement")) && !counters) {
                throw new IllegalArgumentException(kind + " needs a table of shape counters; " + t.name() + " is " + t.shape());
            }
            if ((kind.equals("multi-delete") || kind.equals("write-multiple")) && !sharded) {
                throw new IllegalArgumentException(kind + " needs a table of shape sharded; " + t.name() + " is " + t.shape());
            }
            if (t.shape().equals("keyonly") && !List.of("put", "upsert", "insert", "put-if-absent", "delete",
                    "delete-sql").contains(kind)) {
                throw new IllegalArgumentException(kind + " needs a non-key column; " + t.name() + " is key-only");
            }
            if (kind.equals("json") && !(t.shape().equals("plain") || counters)) {
                throw new IllegalArgumentException("json needs a table with a doc column (plain, counters)");
            }
        }

        private Scenario.TableSpec table(JsonNode a) {
            String name = text(a, "table", null);
            if (name == null) {
                throw new IllegalArgumentException("no table");
            }
            Scenario.TableSpec t = tables.get(name.toLowerCase(Locale.ROOT));
            if (t == null) {
                throw new IllegalArgumentException("unknown table '" + name + "'; tables: "
                    + tables.values().stream().map(Scenario.TableSpec::name).toList());
            }
            return t;
        }

        private String region(JsonNode a, String field) {
            String r = text(a, field, null);
            if (r == null) {
                throw new IllegalArgumentException("no " + field);
            }
            return regionName(r, field);
        }

        private String regionName(String r, String what) {
            return regions.stream().filter(x -> x.equalsIgnoreCase(r.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + ": unknown region '" + r + "'; regions: " + regions));
        }

        private List<String> regions(JsonNode a, String what) {
            return strings(a, what).stream().map(r -> regionName(r, what)).toList();
        }

        private List<String> invariants(JsonNode a, String what) {
            List<String> out = strings(a, what);
            out.forEach(i -> invariant(i, what));
            return out;
        }

        private static void invariant(String name, String what) {
            if (!Scenario.INVARIANTS.contains(name)) {
                throw new IllegalArgumentException(what + ": unknown invariant '" + name + "'; invariants: " + Scenario.INVARIANTS);
            }
        }

        private static Duration duration(JsonNode a) {
            return a != null && a.has("timeout") ? Durations.parse(a.get("timeout").asText()) : null;
        }

        private static void only(JsonNode a, String... fields) {
            if (a == null || !a.isObject()) {
                throw new IllegalArgumentException("takes a map of " + List.of(fields) + ", got " + a);
            }
            Set<String> allowed = Set.of(fields);
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new IllegalArgumentException("unknown field '" + f + "'; fields: " + List.of(fields));
                }
            }
        }

        private static List<String> strings(JsonNode a, String what) {
            if (a == null || a.isNull()) {
                throw new IllegalArgumentException(what + " missing");
            }
            if (!a.isArray()) {
                return List.of(a.asText());
            }
            List<String> out = new ArrayList<>();
            a.forEach(x -> out.add(x.asText()));
            return out;
        }

        private static String text(JsonNode a, String field, String otherwise) {
            JsonNode n = a == null ? null : a.get(field);
            return n == null || n.isNull() ? otherwise : n.asText();
        }
    }
}
