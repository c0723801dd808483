package io.mrtck.scenario;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of a scenario's timeline, as written in its file (docs/scenarios.md): each knows its
 * verb and how to write itself back, so a shrunk scenario can be saved and replayed.
 */
public sealed interface Step {
    JsonNodeFactory F = JsonNodeFactory.instance;

    /** The step as a one-key map, the verb to its argument. */
    ObjectNode toNode();

    /** Writes keys in order, values from the seed; a background write runs on while later steps run. */
    record Write(String region, String table, String kind, Keys keys, int count, int threads, Integer rate,
                 String ttl, boolean background) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("region", region).put("table", table).put("kind", kind);
            a.set("keys", keys.toNode());
            if (count != keys.size()) {
                a.put("count", count);
            }
            if (threads != 1) {
                a.put("threads", threads);
            }
            if (rate != null) {
                a.put("rate", rate);
            }
            if (ttl != null) {
                a.put("ttl", ttl);
            }
            if (background) {
                a.put("background", true);
            }
            return one("write", a);
        }

        Write withKeys(Keys k, int newCount) {
            return new Write(region, table, kind, k, newCount, threads, rate, ttl, background);
        }
    }

    /** Waits for the background writes to finish. */
    record Join() implements Step {
        public ObjectNode toNode() {
            return one("join", F.objectNode());
        }
    }

    /** kill-agent, start-agent, restart-agent, pause-agent, resume-agent. */
    record AgentAction(String action, String region) implements Step {
        public ObjectNode toNode() {
            return one(action + "-agent", F.textNode(region));
        }
    }

    /** partition (cut) or heal a link, both directions. */
    record Link(boolean cut, String a, String b) implements Step {
        public ObjectNode toNode() {
            return one(cut ? "partition" : "heal", F.arrayNode().add(a).add(b));
        }
    }

    record Latency(String from, String to, long ms) implements Step {
        public ObjectNode toNode() {
            return one("latency", F.objectNode().put("from", from).put("to", to).put("ms", ms));
        }
    }

    record RestartRegion(String region) implements Step {
        public ObjectNode toNode() {
            return one("restart-region", F.textNode(region));
        }
    }

    /** skew-clock (by an offset from real time) or freeze-clock, of one region or {@code all}. */
    record Clock(boolean freeze, String region, Duration by) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("region", region);
            if (!freeze) {
                a.put("by", Durations.format(by));
            }
            return one(freeze ? "freeze-clock" : "skew-clock", a);
        }
    }

    /** create or drop a scenario table in some regions. */
    record TableDdl(boolean create, String table, List<String> in) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("table", table);
            a.set("in", array(in));
            return one(create ? "create" : "drop", a);
        }
    }

    /** ALTER TABLE t ADD/DROP REGIONS ..., run in {@code region}. */
    record RegionsDdl(boolean add, String table, String region, List<String> regions) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("table", table).put("region", region);
            a.set("regions", array(regions));
            return one(add ? "add-regions" : "drop-regions", a);
        }
    }

    /** Any DDL; with {@code error}, it must fail with those words. */
    record Ddl(String region, String statement, String error) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("region", region).put("statement", statement);
            if (error != null) {
                a.put("error", error);
            }
            return one("ddl", a);
        }
    }

    record AwaitInit(String region, String table, String state, Duration timeout) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("region", region).put("table", table).put("state", state);
            if (timeout != null) {
                a.put("timeout", Durations.format(timeout));
            }
            return one("await-init", a);
        }
    }

    /** Joins writers, then waits (bounded) until every pair of regions replicating a table agree on it. */
    record Quiesce(Duration timeout) implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode();
            if (timeout != null) {
                a.put("timeout", Durations.format(timeout));
            }
            return one("quiesce", a);
        }
    }

    /** Quiesces, reads every written key everywhere, and judges the history so far. */
    record Check(List<String> invariants) implements Step {
        public ObjectNode toNode() {
            return one("check", array(invariants));
        }
    }

    /**
     * Those keys are present (absent) in that region — at once, or within {@code within} (null: at
     * once); a miss violates {@code invariant}.
     */
    record Expect(String region, String table, Keys keys, boolean present, String invariant, Duration within)
            implements Step {
        public ObjectNode toNode() {
            ObjectNode a = F.objectNode().put("region", region).put("table", table);
            a.set("keys", keys.toNode());
            a.put("present", present).put("invariant", invariant);
            if (within != null) {
                a.put("within", Durations.format(within));
            }
            return one("expect", a);
        }
    }

    record Repeat(int times, List<Step> steps) implements Step {
        public ObjectNode toNode() {
            ArrayNode s = F.arrayNode();
            steps.forEach(x -> s.add(x.toNode()));
            ObjectNode a = F.objectNode().put("times", times);
            a.set("steps", s);
            return one("repeat", a);
        }
    }

    private static ObjectNode one(String verb, JsonNode arg) {
        ObjectNode n = F.objectNode();
        n.set(verb, arg);
        return n;
    }

    private static ArrayNode array(List<String> items) {
        ArrayNode a = F.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
