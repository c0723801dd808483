package io.mrtck.scenario;

/** A scenario file that cannot be run as written; the message names the file, the step and the problem. */
public final class ScenarioFormatException extends IllegalArgumentException {
    public ScenarioFormatException(String message) {
        super(message);
    }
}
