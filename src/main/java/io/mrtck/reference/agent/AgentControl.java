package io.mrtck.reference.agent;

/**
 * Pause, resume and stop for an agent's stream threads. A stream does its work between
 * {@link #begin()} and {@link #end()}; {@link #pause()} returns only once no stream is in
 * between, so nothing is applied after it returns. Waits use a monitor rather than thread
 * interrupts: an interrupt during a store write could break the store's log files.
 */
final class AgentControl {
    private boolean paused;
    private boolean stopped;
    private int working;

    synchronized void pause() {
        paused = true;
        while (working > 0 && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    /** Blocks while paused, then marks a stream as working; false once stopped. */
    synchronized boolean begin() {
        while (paused && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (stopped) {
            return false;
        }
        working++;
        return true;
    }

    synchronized void end() {
        working--;
        notifyAll();
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
