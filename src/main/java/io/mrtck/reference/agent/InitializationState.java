package io.mrtck.reference.agent;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Progress of copying one table's existing rows from one remote region (table
 * initialisation), checkpointed with each page so a restarted agent resumes where it was.
 *
 * @param state one of NOT_STARTED, IN_PROGRESS, COMPLETE
 * @param next  where the next page starts (opaque), null before the first page and when complete
 */
record InitializationState(String state, byte[] next, long transferRows, long transferTombstones,
                           long persistRows, long expireRows, long startTime, long completeTime) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static InitializationState notStarted() {
        return new InitializationState("NOT_STARTED", null, 0, 0, 0, 0, 0, 0);
    }

    boolean complete() {
        return "COMPLETE".equals(state);
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InitializationState decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, InitializationState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt table initialisation state", e);
        }
    }

    /** The shape the real statistics show under {@code initialization}. */
    ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", state);
        n.put("transferRows", transferRows);
        n.put("transferTombstones", transferTombstones);
        n.put("persistRows", persistRows);
        n.put("expireRows", expireRows);
        n.put("startTime", startTime);
        n.put("completeTime", completeTime);
        return n;
    }
}
