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
 * @param tableVersion  bumped by every ALTER that changes the columns
 * @param ddl           the CREATE statement as given
 * @param id            the store's id for the table (the schema JSON's {@code "id"}); null if unknown
 * @param primaryKeySizes storage sizes of the primary-key columns in key order
 *                      ({@code PRIMARY KEY(id(3))}), 0 where none is given; empty when none is
 * @param identity      the identity column, or null
 * @param formerFields  top-level columns of earlier versions that the current one lacks: a
 *                      column added again must have the type it had
 * @param comment       the table's {@code COMMENT}, or null
 */
public record TableSchema(String name, String namespace, List<FieldDef> fields,
                          List<String> primaryKey, int shardKeyCount, TimeToLive ttl,
                          List<Integer> regionIds, List<IndexDef> indexes, int tableVersion,
                          String ddl, String id, List<Integer> primaryKeySizes,
                          IdentityDef identity, List<FieldDef> formerFields, String comment) {

    public TableSchema {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        primaryKeySizes = primaryKeySizes == null ? List.of() : List.copyOf(primaryKeySizes);
        formerFields = formerFields == null ? List.of() : List.copyOf(formerFields);
    }

    public TableSchema(String name, String namespace, List<FieldDef> fields, List<String> primaryKey,
                       int shardKeyCount, TimeToLive ttl, List<Integer> regionIds, List<IndexDef> indexes,
                       int tableVersion, String ddl) {
        this(name, namespace, fields, primaryKey, shardKeyCount, ttl, regionIds, indexes, tableVersion, ddl,
            null, null, null, null, null);
    }

    /** This table with other columns: a new version, remembering the columns it no longer has. */
    public TableSchema withFields(List<FieldDef> newFields) {
        List<FieldDef> former = new java.util.ArrayList<>(formerFields);
        for (FieldDef f : fields) {
            if (newFields.stream().noneMatch(n -> n.nameIs(f.name()))) {
                former.removeIf(x -> x.nameIs(f.name()));
                former.add(f);
            }
        }
        former.removeIf(x -> newFields.stream().anyMatch(n -> n.nameIs(x.name())));
        return new TableSchema(name, namespace, newFields, primaryKey, shardKeyCount, ttl, regionIds, indexes,
            tableVersion + 1, ddl, id, primaryKeySizes, identity, former, comment);
    }

    public TableSchema withTtl(TimeToLive newTtl) {
        return new TableSchema(name, namespace, fields, primaryKey, shardKeyCount, newTtl, regionIds, indexes,
            tableVersion, ddl, id, primaryKeySizes, identity, formerFields, comment);
    }

    /** The table after ALTER TABLE … ADD/DROP REGIONS: like every ALTER TABLE, a new version of it. */
    public TableSchema withRegions(List<Integer> newRegionIds) {
        return new TableSchema(name, namespace, fields, primaryKey, shardKeyCount, ttl, newRegionIds, indexes,
            tableVersion + 1, ddl, id, primaryKeySizes, identity, formerFields, comment);
    }

    public TableSchema withIndexes(List<IndexDef> newIndexes) {
        return new TableSchema(name, namespace, fields, primaryKey, shardKeyCount, ttl, regionIds, newIndexes,
            tableVersion, ddl, id, primaryKeySizes, identity, formerFields, comment);
    }

    public TableSchema withIdentity(IdentityDef newIdentity) {
        return new TableSchema(name, namespace, fields, primaryKey, shardKeyCount, ttl, regionIds, indexes,
            tableVersion, ddl, id, primaryKeySizes, newIdentity, formerFields, comment);
    }

    /** A former column of this name, if the table had one. */
    public Optional<FieldDef> formerField(String column) {
        return formerFields.stream().filter(f -> f.nameIs(column)).findFirst();
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
