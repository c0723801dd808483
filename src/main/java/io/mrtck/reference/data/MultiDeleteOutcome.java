package io.mrtck.reference.data;

/** Rows deleted by one MultiDelete call; a continuation key when more remain (else null). */
public record MultiDeleteOutcome(int deleted, byte[] continuationKey) {
}
