package io.mrtck.reference.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mrtck.reference.schema.TableSchema;
import oracle.nosql.driver.values.FieldValue;

/**
 * One transaction on a region's store: the catalog (tables, regions, namespaces) and the
 * rows. Everything read or written through one StoreTxn commits or aborts together.
 * Names compare case-insensitively. Rows are returned as stored, expired rows and
 * tombstones included: visibility is the caller's decision.
 *
 * <p>A write of an MR table whose origin is this region is also appended to the region's
 * change log, in the same transaction, for the agents of the other regions.
 */
public interface StoreTxn {

    // --- catalog ---------------------------------------------------------------------

    List<TableSchema> tables();

    Optional<TableSchema> table(String name);

    /** Creates or replaces a table definition. */
    void putTable(TableSchema table);

    /** Removes a table definition and all of its rows. */
    void dropTable(String name);

    List<RegionInfo> regions();

    void putRegion(RegionInfo region);

    void dropRegion(String name);

    Set<String> namespaces();

    void putNamespace(String name);

    void dropNamespace(String name);

    /**
     * The next value of a named counter kept in the catalog: 1, 2, 3… Counters are never reset,
     * so a value is never handed out twice (table ids, identity columns).
     */
    long nextInSequence(String sequence);

    // --- rows ------------------------------------------------------------------------

    /** @param key the primary-key values in key-column order */
    Optional<StoredRow> row(TableSchema table, List<FieldValue> key);

    void putRow(TableSchema table, List<FieldValue> key, StoredRow row);

    /** Writes a row and leaves the change log alone: only for the JSON_UPDATES_NOT_REPLICATED mutant. */
    void putRowWithoutChangeLog(TableSchema table, List<FieldValue> key, StoredRow row);

    /** Physically removes a row; false if there was none. */
    boolean deleteRow(TableSchema table, List<FieldValue> key);

    /**
     * Visits the rows whose key starts with {@code keyPrefix} (possibly empty), in
     * primary-key order, starting strictly after {@code afterKey} when it is not null.
     */
    void scan(TableSchema table, List<FieldValue> keyPrefix, List<FieldValue> afterKey,
              RowVisitor visitor);

    /** A version no other write of this store has had or will have. */
    byte[] nextVersion();

    // --- XRegion agent state (checkpoints, table initialisation, statistics) -------------

    java.util.Optional<byte[]> agentState(String key);

    void putAgentState(String key, byte[] value);

    /** Removes the agent state under every key that starts with {@code keyPrefix}. */
    void dropAgentStates(String keyPrefix);

    void putAgentStatistics(AgentStatisticsRecord record);

    /** Every kept statistics interval, oldest first. */
    List<AgentStatisticsRecord> agentStatistics();

    /** Removes statistics intervals that ended before {@code endMs}. */
    void dropAgentStatisticsBefore(long endMs);
}
