package io.mrtck.reference.sql.query;

import java.util.List;

import oracle.nosql.driver.values.MapValue;

/** One batch of results; {@code continuation} is null when there are no more. */
public record QueryBatch(List<MapValue> rows, byte[] continuation) {
}
