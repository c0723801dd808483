package io.mrtck.reference.protocol;

import io.mrtck.reference.RequestException;

/**
 * Table names as the SDK sends them may carry a namespace ({@code Sales:Orders}); the
 * catalog holds each table under its name with the namespace as a property. Resolves a
 * wire name to the catalog name, checking that the namespace is the table's.
 */
final class TableNames {
    private static final String DEFAULT_NAMESPACE = "sysdefault";

    private TableNames() {
    }

    static String resolve(RegionContext region, String wireName) {
        if (wireName == null) {
            return null;
        }
        int colon = wireName.indexOf(':');
        if (colon < 0) {
            return wireName;
        }
        String namespace = wireName.substring(0, colon).trim();
        String name = wireName.substring(colon + 1).trim();
        if (namespace.equalsIgnoreCase(DEFAULT_NAMESPACE)) {
            return name;
        }
        boolean matches = region.store().read(txn -> txn.table(name)
            .map(t -> t.namespace() != null && t.namespace().equalsIgnoreCase(namespace))
            .orElse(false));
        if (!matches) {
            throw RequestException.tableNotFound(wireName);
        }
        return name;
    }
}
