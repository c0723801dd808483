package io.mrtck.reference.agent;

/** An xrstart config that cannot be used; the message names the file and the field. */
public final class InvalidAgentConfigException extends RuntimeException {
    public InvalidAgentConfigException(String message) {
        super(message);
    }
}
