package io.mrtck.model;

/**
 * A row's expiration time as far as the model knows it: exact, or a TTL counted from a write
 * whose time is only known to lie in [{@code from}, {@code to}] (a range of expiration times).
 */
public record Expiry(Ttl ttl, long from, long to, long exact) {
    public static final Expiry NEVER = exact(0);

    public static Expiry exact(long time) {
        return new Expiry(null, 0, 0, time);
    }

    /** A TTL counted from a write made between {@code from} and {@code to}. */
    public static Expiry after(Ttl ttl, long from, long to) {
        return ttl.amount() == 0 ? NEVER : new Expiry(ttl, from, to, 0);
    }

    public long earliest() {
        return ttl == null ? exact : ttl.expirationAfter(from);
    }

    public long latest() {
        return ttl == null ? exact : ttl.expirationAfter(to);
    }

    public boolean allows(long time) {
        return time >= earliest() && time <= latest();
    }

    /** Once the write time is known: fixes a TTL counted from this very write. */
    public Expiry fromWriteAt(long from, long to, long time) {
        return ttl != null && this.from == from && this.to == to ? exact(ttl.expirationAfter(time)) : this;
    }

    @Override
    public String toString() {
        return ttl == null ? Long.toString(exact) : earliest() + ".." + latest() + " (" + ttl + ")";
    }
}
