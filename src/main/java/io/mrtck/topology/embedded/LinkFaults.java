package io.mrtck.topology.embedded;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.mrtck.reference.agent.RegionUnreachableException;

/**
 * The faults on every directed link {@code from -> to} (what the agent of {@code to}
 * reads from {@code from}): cut or delayed. Deterministic: a fault holds for every call
 * until it is removed, like Cassandra's per-link message filters.
 */
public final class LinkFaults {
    private record Link(String from, String to) {
        static Link of(String from, String to) {
            return new Link(from.toUpperCase(Locale.ROOT), to.toUpperCase(Locale.ROOT));
        }
    }

    private final Map<Link, Boolean> cut = new ConcurrentHashMap<>();
    private final Map<Link, Duration> latency = new ConcurrentHashMap<>();

    public void cut(String from, String to) {
        cut.put(Link.of(from, to), Boolean.TRUE);
    }

    public void restore(String from, String to) {
        cut.remove(Link.of(from, to));
    }

    public boolean isCut(String from, String to) {
        return cut.containsKey(Link.of(from, to));
    }

    /** {@link Duration#ZERO} removes the delay; calls under way wait for the new one (none: they answer now). */
    public void delay(String from, String to, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        if (delay.isZero()) {
            latency.remove(Link.of(from, to));
        } else {
            latency.put(Link.of(from, to), delay);
        }
        synchronized (this) {
            notifyAll();
        }
    }

    public Duration delayOf(String from, String to) {
        return latency.getOrDefault(Link.of(from, to), Duration.ZERO);
    }

    /**
     * One call over the link: a cut link fails it; a delayed link answers after the delay,
     * with what the remote held when the call was made (as a slow WAN would). A link cut
     * while the call is under way loses the answer.
     */
    <T> T cross(String from, String to, Supplier<T> call) {
        failIfCut(from, to);
        long sent = System.nanoTime();
        T answer = call.get();
        awaitDelay(from, to, sent);
        // checked again so that a write made after partition() returned never crosses
        failIfCut(from, to);
        return answer;
    }

    /** As {@link #cross(String, String, Supplier)}, without the link's delay. */
    <T> T crossUndelayed(String from, String to, Supplier<T> call) {
        failIfCut(from, to);
        T answer = call.get();
        // checked again so that a write made after partition() returned never crosses
        failIfCut(from, to);
        return answer;
    }

    /**
     * Until the link's delay has passed since {@code sent}, the delay as it is now: a delay
     * removed (or shortened) while a call is under way lets it answer at once, as a test that
     * lifts a fault expects — not after the delay it met.
     */
    private synchronized void awaitDelay(String from, String to, long sent) {
        for (long left = delayOf(from, to).toNanos() - (System.nanoTime() - sent); left > 0;
             left = delayOf(from, to).toNanos() - (System.nanoTime() - sent)) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegionUnreachableException("interrupted while crossing the link " + from + " -> " + to);
            }
        }
    }

    private void failIfCut(String from, String to) {
        if (isCut(from, to)) {
            throw new RegionUnreachableException("the link " + from + " -> " + to + " is partitioned");
        }
    }
}
