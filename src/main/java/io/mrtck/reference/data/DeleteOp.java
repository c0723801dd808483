package io.mrtck.reference.data;

import oracle.nosql.driver.values.MapValue;

/** One delete: by full primary key, optionally only if the version matches. */
public record DeleteOp(String table, MapValue key, byte[] matchVersion, boolean returnRow) {
}
