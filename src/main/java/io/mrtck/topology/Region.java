package io.mrtck.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One region of a {@link Topology}: a store, its SDK endpoint, its admin and its agent. */
public interface Region {

    /** The region name, e.g. {@code FR}. */
    String name();

    /** The store name, e.g. {@code OUGFR}. */
    String storeName();

    /** The SDK endpoint ({@code http://localhost:PORT}); the same across {@link #restart()}. */
    String endpoint();

    AdminAccess admin();

    /** The region's agent; with several (an agent group), one handle that acts on all of them. */
    Agent agent();

    /** Each of the region's agents, by agent id (0 .. agentGroupSize-1). */
    default List<Agent> agents() {
        return List.of(agent());
    }

    /** Stops the region (store and endpoint) and starts it again on the same data and endpoint. */
    void restart();

    /** From now on the region's clock runs {@code offset} from real time (replaces any earlier skew). */
    void skewClock(Duration offset);

    /**
     * The region's clock stands still at {@code at} until the next {@link #skewClock}: writes made
     * meanwhile all carry that modification time (how a test makes a tie between regions).
     */
    void freezeClock(Instant at);
}
