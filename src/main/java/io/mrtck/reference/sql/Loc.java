package io.mrtck.reference.sql;

/** A place in the statement text: line from 1, column from 0, as the real engine reports it. */
public record Loc(int line, int col) {
    public static final Loc START = new Loc(1, 0);
}
