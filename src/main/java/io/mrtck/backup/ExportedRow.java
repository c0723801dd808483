package io.mrtck.backup;

import oracle.nosql.driver.values.MapValue;

/**
 * One row as an export holds it: every column's value (MR counters with their values) and its
 * absolute expiration time in milliseconds since the epoch, 0 when it never expires.
 */
public record ExportedRow(MapValue value, long expiration) {
}
