package io.mrtck.reference.store;

import java.util.List;

import oracle.nosql.driver.values.FieldValue;

/** Receives rows of a scan in primary-key order; returns false to stop. */
@FunctionalInterface
public interface RowVisitor {
    boolean visit(List<FieldValue> key, StoredRow row);
}
