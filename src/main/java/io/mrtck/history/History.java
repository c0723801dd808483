package io.mrtck.history;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation of a run, in invocation order (Jepsen's history as plain data): clients
 * {@link #invoke} an operation and complete the returned {@link OpBuilder}; faults and
 * statistics are added the same way. Thread-safe; saved and read as JSON lines.
 */
public final class History {
    private static final ObjectMapper JSON = new ObjectMapper()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AtomicLong next = new AtomicLong();
    private final ConcurrentHashMap<Long, Op> ops = new ConcurrentHashMap<>();
    /** Region name (null: none) to that region's time now. */
    private final ToLongFunction<String> clock;

    public History() {
        this(System::currentTimeMillis);
    }

    /** Every operation timed by one clock (every region's, when they all run the same offset). */
    public History(LongSupplier clock) {
        this(region -> clock.getAsLong());
    }

    /** Each operation timed by its region's clock (regions whose clocks were skewed or frozen apart). */
    public History(ToLongFunction<String> regionClock) {
        this.clock = regionClock;
    }

    /** Starts recording an operation now; it enters the history when completed. */
    public OpBuilder invoke(String process, String region, Op.Kind kind) {
        return new OpBuilder(this, next.getAndIncrement(), process, region, kind, clock.applyAsLong(region));
    }

    long now(String region) {
        return clock.applyAsLong(region);
    }

    /** Adds a completed operation (or a hand-made one), keeping its index unless it is negative. */
    public Op add(Op op) {
        Op stored = op.index() >= 0 ? op : new Op(next.getAndIncrement(), op.process(), op.region(), op.kind(),
            op.table(), op.key(), op.value(), op.counter(), op.delta(), op.ttl(), op.batch(), op.invokeMs(),
            op.completeMs(), op.outcome(), op.applied(), op.error(), op.modificationTime(), op.expirationTime(),
            op.note());
        if (op.index() >= 0) {
            next.accumulateAndGet(op.index() + 1, Math::max);
        }
        ops.put(stored.index(), stored);
        return stored;
    }

    /** The operations completed so far, by index. */
    public List<Op> ops() {
        List<Op> out = new ArrayList<>(ops.values());
        out.sort(Comparator.comparingLong(Op::index));
        return out;
    }

    public int size() {
        return ops.size();
    }

    /** Replaces an operation (same index), e.g. once its write's modification time is read back. */
    public void replace(Op updated) {
        ops.put(updated.index(), updated);
    }

    public void writeJsonLines(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                for (Op op : ops()) {
                    w.write(JSON.writeValueAsString(op));
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history " + file, e);
        }
    }

    /** @throws IllegalArgumentException naming the file and line of the first entry that is not an operation */
    public static History readJsonLines(Path file) {
        History h = new History();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    h.add(JSON.readValue(line, Op.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + n + " is not a history operation: "
                        + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + file, e);
        }
        return h;
    }
}
