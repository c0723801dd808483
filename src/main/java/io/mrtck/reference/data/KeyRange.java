package io.mrtck.reference.data;

import oracle.nosql.driver.values.FieldValue;

/**
 * A range on the primary-key column that follows a partial key (the SDK's FieldRange).
 * A null bound is open.
 */
public record KeyRange(String fieldPath, FieldValue start, boolean startInclusive,
                       FieldValue end, boolean endInclusive) {
}
