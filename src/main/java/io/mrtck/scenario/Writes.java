package io.mrtck.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.model.ModelTable;
import io.mrtck.model.Ttl;
import io.mrtck.model.Write;

/** A scenario write kind made into the workload's {@link Write} for one key number. */
final class Writes {
    /** The write, whether to send it as SQL, and the key numbers it touches. */
    record Made(Write write, boolean sql, List<Integer> numbers) {
    }

    private Writes() {
    }

    static Made make(String kind, ModelTable t, int n, String ttlText, SplittableRandom random) {
        ObjectNode key = ScenarioTables.key(t, n);
        Ttl ttl = ttlText == null ? null : Ttl.parse(ttlText);
        String name = t.name();
        List<Integer> one = List.of(n);
        return switch (kind) {
            case "put", "upsert" -> new Made(new Write.Put(name, ScenarioTables.row(t, n, random), Write.Condition.ALWAYS,
                null, ttl, false), kind.equals("upsert"), one);
            case "insert", "put-if-absent" -> new Made(new Write.Put(name, ScenarioTables.row(t, n, random),
                Write.Condition.IF_ABSENT, null, ttl, false), kind.equals("insert"), one);
            case "put-if-present" -> new Made(new Write.Put(name, ScenarioTables.row(t, n, random),
                Write.Condition.IF_PRESENT, null, ttl, false), false, one);
            case "update" -> new Made(new Write.Update(name, key, List.of(new Write.Set("v",
                JsonNodeFactory.instance.textNode("u" + random.nextInt(1_000_000))))), true, one);
            case "json" -> new Made(new Write.Update(name, key, List.of(new Write.Set("doc.a",
                JsonNodeFactory.instance.numberNode(random.nextInt(1000))))), true, one);
            case "delete", "delete-sql" -> new Made(new Write.Delete(name, key, Write.Condition.ALWAYS, null),
                kind.equals("delete-sql"), one);
            case "multi-delete" -> {
                ObjectNode shard = JsonNodeFactory.instance.objectNode();
                t.shardKey().forEach(c -> shard.set(c, key.get(c)));
                yield new Made(new Write.MultiDelete(name, shard), false, ScenarioTables.shardOf(n));
            }
            case "write-multiple" -> {
                List<Write> puts = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                for (int m = n; m < n + 3 && ScenarioTables.shardOf(m).get(0) == ScenarioTables.shardOf(n).get(0); m++) {
                    puts.add(new Write.Put(name, ScenarioTables.row(t, m, random), Write.Condition.ALWAYS, null, ttl, false));
                    numbers.add(m);
                }
                yield new Made(new Write.Batch(name, puts), false, numbers);
            }
            case "increment", "decrement" -> {
                long delta = (1 + random.nextInt(5)) * (kind.equals("decrement") ? -1L : 1L);
                String path = random.nextBoolean() ? "cnt" : "doc.hits";
                yield new Made(new Write.Update(name, key, List.of(new Write.Increment(path, delta))), true, one);
            }
            case "set-ttl" -> new Made(new Write.Update(name, key, List.of(new Write.SetTtl(ttl))), true, one);
            default -> throw new IllegalArgumentException("unknown write kind " + kind);
        };
    }
}
