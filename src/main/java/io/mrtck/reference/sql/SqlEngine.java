package io.mrtck.reference.sql;

import java.time.Clock;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.ddl.DdlResult;
import io.mrtck.reference.sql.ddl.TableDdl;
import io.mrtck.reference.sql.query.PreparedQuery;
import io.mrtck.reference.sql.query.QueryBatch;
import io.mrtck.reference.sql.query.QueryPlanner;
import io.mrtck.reference.sql.query.QueryRunner;
import io.mrtck.reference.sql.system.SystemStatements;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.FieldValue;

/**
 * Parses and runs the SQL subset: table DDL (TableRequest), system statements
 * (SystemRequest) and queries/DML (Prepare + Query). Errors are
 * {@link io.mrtck.reference.RequestException}s with the code the real engine returns.
 */
public final class SqlEngine {
    private final RegionStore store;
    private final Rows rows;
    private final Clock clock;
    private final QueryRunner runner;

    public SqlEngine(RegionStore store, Rows rows, Clock clock) {
        this.store = store;
        this.rows = rows;
        this.clock = clock;
        this.runner = new QueryRunner(store, rows);
    }

    /**
     * CREATE/DROP/ALTER TABLE and CREATE/DROP INDEX, with the table's schema JSON afterwards.
     * Any other statement is refused as the real proxy refuses it in a TableRequest
     * ("Unsupported query operation CREATE_REGION").
     */
    public DdlResult executeTableDdl(String statement) {
        if (rows.dropWaitsForAgent()) {
            awaitAgentBeforeMrDrop(statement);
        }
        return executeTableDdl(store, statement);
    }

    /**
     * The MR_DROP_TABLE_WAITS_FOR_AGENT mutant (KVSTORE-1408): a DROP TABLE of an MR table waits
     * for the local agent to answer (its next statistics record), with no bound; while the
     * agent is down none comes, and the DROP hangs until the store closes.
     */
    private void awaitAgentBeforeMrDrop(String statement) {
        SqlParser.StatementContext ctx = StatementParser.parse(statement);
        if (ctx.drop_table_statement() == null) {
            return;
        }
        String name = TableName.of(ctx.drop_table_statement().table_name()).name();
        if (!store.read(txn -> txn.table(name).map(TableSchema::isMultiRegion).orElse(false))) {
            return;
        }
        long asked = clock.millis();
        while (store.read(txn -> txn.agentStatistics().stream().noneMatch(r -> r.endMs() > asked))) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    /** As {@link #executeTableDdl(String)}, on any store (an agent creating its checkpoint table). */
    public static DdlResult executeTableDdl(RegionStore store, String statement) {
        SqlParser.StatementContext ctx = StatementParser.parse(statement);
        if (!TableDdl.isTableDdl(ctx)) {
            throw RequestException.illegalArgument("Unsupported query operation " + StatementKind.of(ctx));
        }
        return store.changeCatalog(txn -> new TableDdl(txn, statement.trim()).execute(ctx));
    }

    /**
     * Region, namespace and SHOW statements sent as a SystemRequest. Returns the result
     * string (null when the statement has none).
     */
    public String executeSystem(String statement) {
        SqlParser.StatementContext ctx = StatementParser.parse(statement);
        if (!SystemStatements.isSystem(ctx)) {
            throw RequestException.illegalArgument("Not a system statement: " + statement);
        }
        if (SystemStatements.isReadOnly(ctx)) {
            return store.read(txn -> new SystemStatements(txn).execute(ctx));
        }
        return store.changeCatalog(txn -> new SystemStatements(txn).execute(ctx));
    }

    /** Parses and checks a query or DML statement against the catalog. */
    public PreparedQuery prepare(String statement) {
        SqlParser.StatementContext ctx = StatementParser.parse(statement);
        if (QueryPlanner.kind(ctx) == null) {
            if (ctx.index_function_path() != null) {
                throw StatementError.notSupported("DECLARE ... <function call>");
            }
            throw RequestException.illegalArgument("Not a query or DML statement: " + statement);
        }
        return store.read(txn -> new QueryPlanner(txn).prepare(statement, ctx));
    }

    /**
     * Runs a prepared statement. {@code bindings} are keyed by variable name ({@code $i}) or
     * by position ({@code #1}); {@code continuation} is null for the first batch, else what
     * the previous batch returned; {@code limit} is the most rows to return (0 = no limit).
     */
    public QueryBatch execute(PreparedQuery query, Map<String, FieldValue> bindings,
                              byte[] continuation, int limit) {
        try {
            return runner.execute(query, bindings, continuation, limit);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // Bad input a function handed to a Java API (a date pattern, a zone, a duration): the client's error.
            throw RequestException.illegalArgument(e.getMessage());
        }
    }
}
