package io.mrtck.topology;

/** The XRegion agent of one region. */
public interface Agent {

    /** The id the agent reports in its statistics, e.g. {@code XRegionService-1_0}. */
    String id();

    /** Stops applying remote writes until {@link #resume()}; the agent stays up. */
    void pause();

    void resume();

    /** Stops the agent as a crash would: nothing is flushed beyond what is already committed. */
    void kill();

    /** Stops the agent if it runs and starts it again from its durable checkpoint. */
    void restart();

    boolean isRunning();
}
