package io.mrtck.reference.data;

/** The conditions a put can carry (wire opcodes PUT, PUT_IF_ABSENT, PUT_IF_PRESENT, PUT_IF_VERSION). */
public enum PutOption { ALWAYS, IF_ABSENT, IF_PRESENT, IF_VERSION }
