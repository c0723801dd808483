package io.mrtck.reference.agent;

/**
 * Pause, resume and stop for an agent's threads. Waits use a monitor rather than thread
 * interrupts: an interrupt during a store write could break the store's log files.
 */
final class AgentControl {
    private boolean paused;
    private boolean stopped;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** Blocks while paused; false once stopped. */
    synchronized boolean awaitRunnable() {
        while (paused && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped;
    }

    /** Waits up to {@code ms} (or until stopped); false once stopped. */
    synchronized boolean idle(long ms) {
        if (stopped) {
            return false;
        }
        try {
            wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopped;
    }
}
