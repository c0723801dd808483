package io.mrtck.checker;

import java.util.List;

/** One invariant of the bug catalogue, judged over a history grouped once by key. */
public interface Invariant {

    /** The catalogue's code, e.g. "INV-CONV". */
    String code();

    List<Violation> check(KeyedHistory history);
}
