package io.mrtck.reference.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table's definition as the catalog keeps it.
 *
 * @param name          full name as declared, child tables dotted ({@code Users.Orders});
 *                      names compare case-insensitively
 * @param namespace     null for the default namespace
 * @param fields        columns in declaration order; a child table's list starts with
 *                      its parent's primary-key columns
 * @param primaryKey    primary-key column names in key order (child: parent's first)
 * @param shardKeyCount how many leading primary-key columns form the shard key
 * @param ttl           the table's default TTL, or null
 * @param regionIds     ids of the regions of an MR table (local region = 1); empty if not MR
 * @param indexes       secondary indexes
 * @param tableVersion  bumped by every ALTER
 * @param ddl           the CREATE statement as given
 */
public record TableSchema(String name, String namespace, List<FieldDef> fields,
                          List<String> primaryKey, int shardKeyCount, TimeToLive ttl,
                          List<Integer> regionIds, List<IndexDef> indexes, int tableVersion,
                          String ddl) {

    public TableSchema {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    public boolean isMultiRegion() {
        return !regionIds.isEmpty();
    }

    public boolean nameIs(String other) {
        return name.equalsIgnoreCase(other);
    }

    public Optional<FieldDef> field(String column) {
        return fields.stream().filter(f -> f.nameIs(column)).findFirst();
    }

    public boolean isPrimaryKey(String column) {
        return primaryKey.stream().anyMatch(k -> k.equalsIgnoreCase(column));
    }

    /** The parent's full name for a child table ({@code Users} for {@code Users.Orders}), else null. */
    public String parentName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
