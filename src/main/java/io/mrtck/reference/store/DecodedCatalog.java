package io.mrtck.reference.store;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog entries already decoded, reused while the stored bytes are the same: every write
 * needs its table's definition and the region list, and decoding their JSON each time cost
 * more than the write itself. Keyed by the catalog key and checked against the bytes read,
 * so a changed definition is decoded afresh. The values are records of immutable lists and
 * atomic values.
 */
final class DecodedCatalog {
    private record Entry(byte[] bytes, Object value) { }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    <T> T read(String key, byte[] bytes, Class<T> type) {
        Entry e = entries.get(key);
        if (e != null && type.isInstance(e.value()) && Arrays.equals(e.bytes(), bytes)) {
            return type.cast(e.value());
        }
        T value = CatalogCodec.read(bytes, type);
        entries.put(key, new Entry(bytes, value));
        return value;
    }
}
