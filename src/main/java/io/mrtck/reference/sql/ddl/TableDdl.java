package io.mrtck.reference.sql.ddl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.IdentityDef;
import io.mrtck.reference.schema.SchemaJson;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.StatementParser;
import io.mrtck.reference.sql.TableName;
import io.mrtck.reference.store.InitializationKeys;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.StoreTxn;

/**
 * Executes CREATE/DROP/ALTER TABLE (and, through {@link IndexDdl}, CREATE/DROP INDEX) in one
 * store transaction, refusing what the real engine refuses in its words.
 */
public final class TableDdl {
    /** The longest table name the real engine accepts. */
    static final int MAX_TABLE_NAME = 256;

    private final StoreTxn txn;
    private final String statement;

    public TableDdl(StoreTxn txn, String statement) {
        this.txn = txn;
        this.statement = statement;
    }

    /** Whether the statement is one this class executes (what a TableRequest may carry). */
    public static boolean isTableDdl(StatementContext ctx) {
        return ctx.create_table_statement() != null || ctx.drop_table_statement() != null
            || ctx.alter_table_statement() != null || ctx.create_index_statement() != null
            || ctx.drop_index_statement() != null || ctx.create_text_index_statement() != null;
    }

    /** Runs the statement; the result holds the table's schema JSON afterwards (none once it is dropped). */
    public DdlResult execute(StatementContext ctx) {
        DdlResult result = apply(ctx);
        return result.schema() == null || result.dropped() ? result
            : result.withJson(SchemaJson.render(result.schema(), SchemaJson.childNames(result.schema(),
                txn.tables())));
    }

    private DdlResult apply(StatementContext ctx) {
        if (ctx.create_table_statement() != null) return create(ctx.create_table_statement());
        if (ctx.drop_table_statement() != null) return drop(ctx.drop_table_statement());
        if (ctx.alter_table_statement() != null) return alter(ctx.alter_table_statement());
        IndexDdl indexes = new IndexDdl(txn);
        if (ctx.create_index_statement() != null) return indexes.create(ctx.create_index_statement());
        if (ctx.drop_index_statement() != null) return indexes.drop(ctx.drop_index_statement());
        throw StatementError.notSupported("CREATE FULLTEXT INDEX");
    }

    /** A column defined twice: the real engine says the name as written the second time. */
    static RequestException columnExists(String name) {
        return new RequestException(ErrorCode.RESOURCE_EXISTS, "Column already exists: " + name);
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private DdlResult create(Create_table_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        checkNameLength(tn.name());
        Optional<TableSchema> existing = txn.table(tn.name());
        if (existing.isPresent()) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(existing.get().name(), existing.get(), false);
            }
            throw DdlFailure.userError(ErrorCode.TABLE_EXISTS, "CREATE TABLE", tn.name(),
                "Table already exists: " + tn.name());
        }
        checkNamespace(tn.namespace());
        TableSchema parent = null;
        String name = tn.name();
        if (tn.parent() != null) {
            parent = txn.table(tn.parent()).orElseThrow(() -> new RequestException(ErrorCode.TABLE_NOT_FOUND,
                StatementError.at(ctx.table_name(), "Table does not exist: " + tn.parent()).getMessage()));
            name = parent.name() + name.substring(name.lastIndexOf('.'));
        }
        Table_defContext def = ctx.table_def();
        if (!def.json_collection_mrcounter_def().isEmpty()) {
            throw StatementError.notSupported("A JSON collection MR_COUNTER");
        }
        if (def.key_def().size() > 1) {
            throw StatementError.at(def.key_def(1), "Table " + tn.name() + " has more than one PRIMARY KEY clause");
        }
        Options options = new Options(ctx.table_options());
        if (parent != null && options.regions != null) {
            throw DdlFailure.creation("Cannot set regions for child tables.");
        }

        List<FieldDef> own = new ArrayList<>();
        IdentityDef identity = null;
        for (Column_defContext c : def.column_def()) {
            FieldDef f = TypeDefReader.column(c);
            if (own.stream().anyMatch(x -> x.nameIs(f.name()))) {
                throw columnExists(f.name());
            }
            Identity_defContext id = TypeDefReader.identityOf(c);
            if (id != null) {
                identity = TypeDefReader.identity(f.name(), f.type(), id);
                own.add(new FieldDef(f.name(), f.type(), false, null, false, f.comment()));
            } else {
                own.add(f);
            }
        }
        checkOneGenerated(own, identity);

        Key_defContext pk = def.key_def().isEmpty() ? null : def.key_def(0);
        KeyColumns ownKey = pk == null ? new KeyColumns() : new KeyColumns(pk);
        if (ownKey.names.isEmpty() && parent == null) {
            throw DdlFailure.creation("Table is missing state required for construction: primary key");
        }
        if (parent != null && ownKey.shardCount >= 0) {
            throw DdlFailure.creation("Child tables cannot have a shard key.");
        }
        List<String> key = new ArrayList<>(parent == null ? List.of() : parent.primaryKey());
        for (String k : ownKey.names) {
            if (key.stream().anyMatch(x -> x.equalsIgnoreCase(k))) {
                throw new RequestException(ErrorCode.RESOURCE_EXISTS,
                    StatementError.at(pk, "The primary key field already exists: " + k).getMessage());
            }
            int at = indexOf(own, k);
            if (at < 0) {
                throw new RequestException(ErrorCode.RESOURCE_NOT_FOUND,
                    DdlFailure.creation("Field does not exist: " + k).getMessage());
            }
            FieldDef f = own.get(at);
            if (f.mrCounter()) {
                throw DdlFailure.creation("An MR_Counter column cannot be a primary key.");
            }
            if (f.defaultValue() != null) {
                throw DdlFailure.creation("Primary key fields can not have default values");
            }
            if (!f.type().code().isKeyable()) {
                throw DdlFailure.creation("Field type cannot be part of a primary key: " + f.type().code()
                    + ", field name: " + f.name());
            }
            own.set(at, f.notNull());
            key.add(f.name());
        }
        // a child's own column may not repeat a column of its parent's key
        if (parent != null) {
            for (FieldDef f : own) {
                if (parent.isPrimaryKey(f.name())) {
                    throw RequestException.illegalArgument("Cannot add field, it already exists in primary key "
                        + "fields of its parent table: " + f.name());
                }
            }
        }
        for (FieldDef f : own) {
            boolean generated = f.mrCounter() || !f.type().jsonCounters().isEmpty()
                || (identity != null && identity.column().equalsIgnoreCase(f.name()));
            if (!f.nullable() && f.defaultValue() == null && !generated && !key.contains(f.name())) {
                throw DdlFailure.creation("Not nullable field " + f.name() + " must have a default value");
            }
        }
        int shardCount = ownKey.shardCount >= 0 ? ownKey.shardCount
            : parent != null ? parent.shardKeyCount() : ownKey.names.size();

        List<FieldDef> fields = new ArrayList<>();
        if (parent != null) {
            for (String k : parent.primaryKey()) {
                fields.add(parent.field(k).orElseThrow());
            }
        }
        fields.addAll(own);

        List<Integer> regionIds = parent != null ? parent.regionIds()
            : options.regions == null ? List.of() : regionIds(options.regions.region_names());
        if (regionIds.isEmpty() && own.stream().anyMatch(TypeDefReader::hasCounters)) {
            throw DdlFailure.creation("MR_counters are not allowed in the table");
        }
        if (!regionIds.isEmpty() && identity != null) {
            throw DdlFailure.creation("Cannot add an identity column to a multi-region table");
        }
        List<Integer> sizes = new ArrayList<>();
        if (parent != null && !parent.primaryKeySizes().isEmpty()) {
            sizes.addAll(parent.primaryKeySizes());
        } else if (parent != null) {
            parent.primaryKey().forEach(k -> sizes.add(0));
        }
        for (int i = 0; i < ownKey.names.size(); i++) {
            sizes.add(keySize(own, ownKey.names.get(i), ownKey.sizes.get(i)));
        }
        boolean sized = sizes.stream().anyMatch(s -> s > 0);

        TimeToLive ttl = options.ttl == null ? null : ttl(options.ttl);
        String namespace = parent != null ? parent.namespace() : tn.namespace();
        String id = String.valueOf(txn.nextInSequence("table"));
        String comment = ctx.comment() == null ? null : StatementParser.text(ctx.comment().string());
        TableSchema schema = new TableSchema(name, namespace, fields, key, shardCount, ttl, regionIds,
            List.of(), 1, statement, id, sized ? sizes : List.of(), identity, List.of(), comment);
        txn.putTable(schema);
        return new DdlResult(schema.name(), schema, false);
    }

    /**
     * A key column's storage size: INTEGER columns only, 1 to 5 bytes; 5 (any integer fits) is
     * the same as none.
     */
    private static int keySize(List<FieldDef> own, String column, int size) {
        if (size == 0) {
            return 0;
        }
        if (own.get(indexOf(own, column)).type().code() != TypeCode.INTEGER) {
            throw DdlFailure.creation("primaryKeySize() requires an INTEGER field type: " + column);
        }
        if (size > 5) {
            throw DdlFailure.creation("Invalid primary key size: " + size + ". Size must be 1-5.");
        }
        return size == 5 ? 0 : size;
    }

    private static void checkNameLength(String fullName) {
        String last = fullName.substring(fullName.lastIndexOf('.') + 1);
        if (last.length() > MAX_TABLE_NAME) {
            throw RequestException.illegalArgument("Illegal name: " + last + ". Table names must be less than or "
                + "equal to " + MAX_TABLE_NAME + " characters.");
        }
    }

    /** At most one column is generated: the identity column or one STRING AS UUID GENERATED BY DEFAULT. */
    private static void checkOneGenerated(List<FieldDef> fields, IdentityDef identity) {
        long uuids = fields.stream().filter(f -> f.type().generated()).count();
        if (uuids + (identity == null ? 0 : 1) > 1) {
            throw DdlFailure.creation("Only one IDENTITY field or one STRING AS UUID GENERATED BY DEFAULT field "
                + "is allowed in a table.");
        }
    }

    private void checkNamespace(String namespace) {
        if (namespace != null && txn.namespaces().stream().noneMatch(namespace::equalsIgnoreCase)) {
            throw new RequestException(ErrorCode.RESOURCE_NOT_FOUND, "Namespace not found: " + namespace);
        }
    }

    /** The columns of a PRIMARY KEY clause, its SHARD part (-1: none) and storage sizes (0: none). */
    private static final class KeyColumns {
        final List<String> names = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        int shardCount = -1;

        KeyColumns() {
        }

        KeyColumns(Key_defContext pk) {
            if (pk.shard_key_def() != null) {
                add(pk.shard_key_def().id_list_with_size());
                shardCount = names.size();
            }
            if (pk.id_list_with_size() != null) {
                add(pk.id_list_with_size());
            }
        }

        private void add(Id_list_with_sizeContext ctx) {
            for (Id_with_sizeContext n : ctx.id_with_size()) {
                names.add(n.id().getText());
                sizes.add(n.storage_size() == null ? 0 : Integer.parseInt(n.storage_size().INT().getText()));
            }
        }
    }

    /** The options after a CREATE TABLE's column list, each at most once. */
    private static final class Options {
        Ttl_defContext ttl;
        Regions_defContext regions;

        Options(Table_optionsContext ctx) {
            for (ParserRuleContext option : ctx.getRuleContexts(ParserRuleContext.class)) {
                if (option instanceof Ttl_defContext t) {
                    ttl = once(ttl, t, "USING TTL");
                } else if (option instanceof Regions_defContext r) {
                    regions = once(regions, r, "IN REGIONS");
                } else if (option instanceof Frozen_defContext) {
                    throw StatementError.notSupported("WITH SCHEMA FROZEN");
                } else {
                    throw StatementError.notSupported("AS JSON COLLECTION");
                }
            }
        }

        private static <T extends ParserRuleContext> T once(T seen, T option, String what) {
            if (seen != null) {
                throw StatementError.at(option, what + " is given more than once");
            }
            return option;
        }
    }

    /**
     * Region ids for IN REGIONS: known names only, each once; the local region belongs to every
     * MR table and is added when not listed.
     */
    private List<Integer> regionIds(Region_namesContext ctx) {
        RegionInfo local = txn.regions().stream().filter(RegionInfo::local).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument(
                "Cannot create a multi-region table: the local region name is not set;"
                    + " set it with SET LOCAL REGION first"));
        Set<Integer> ids = new LinkedHashSet<>();
        for (String n : names(ctx.id_list())) {
            ids.add(region(n).id());
        }
        ids.add(local.id());
        return new ArrayList<>(ids);
    }

    /** A table's default TTL: a count of HOURS or DAYS (SECONDS and MINUTES parse, but are refused here). */
    static TimeToLive ttl(Ttl_defContext ctx) {
        DurationContext d = ctx.duration();
        Time_unitContext unit = d.time_unit();
        if (unit.HOURS() == null && unit.DAYS() == null) {
            throw StatementError.at(ctx, "Invalid TTL Unit: " + unit.getText() + " in " + d.INT().getText() + " "
                + unit.getText());
        }
        long value;
        try {
            value = Long.parseLong(d.INT().getText());
        } catch (NumberFormatException e) {
            throw StatementError.at(ctx, "Invalid TTL value: " + d.INT().getText());
        }
        // a zero TTL means "no expiry", which the real engine writes in days whatever the unit
        if (value == 0) {
            return new TimeToLive(0, TimeToLive.Unit.DAYS);
        }
        return new TimeToLive(value, unit.HOURS() != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS);
    }

    private static List<String> names(Id_listContext ctx) {
        List<String> out = new ArrayList<>();
        for (IdContext n : ctx.id()) {
            out.add(n.getText());
        }
        return out;
    }

    static int indexOf(List<FieldDef> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).nameIs(name)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ DROP TABLE

    private DdlResult drop(Drop_table_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        Optional<TableSchema> table = txn.table(tn.name());
        if (table.isEmpty()) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(tn.name(), null, true);
            }
            throw DdlFailure.userError(ErrorCode.TABLE_NOT_FOUND, "DROP TABLE", tn.name(),
                "Table does not exist: " + tn.name());
        }
        String name = table.get().name();
        if (!SchemaJson.childNames(table.get(), txn.tables()).isEmpty()) {
            throw DdlFailure.userError(ErrorCode.ILLEGAL_ARGUMENT, "DROP TABLE", tn.name(),
                "Cannot remove table " + tn.name() + ", it is still referenced by child tables");
        }
        txn.dropTable(name);
        // a table created again under this name is a new one: nothing of this one's copying carries over
        txn.dropAgentStates(InitializationKeys.prefix(table.get()));
        return new DdlResult(name, null, true);
    }

    // ------------------------------------------------------------------ ALTER TABLE

    private DdlResult alter(Alter_table_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> new RequestException(ErrorCode.TABLE_NOT_FOUND,
            StatementError.at(ctx, "Table does not exist: " + tn.name()).getMessage()));
        Alter_defContext def = ctx.alter_def();
        TableSchema altered;
        if (def.alter_field_statements() != null) {
            altered = new FieldEvolution(t).apply(def.alter_field_statements());
        } else if (def.ttl_def() != null) {
            altered = t.withTtl(ttl(def.ttl_def()));
        } else if (def.add_region_def() != null || def.drop_region_def() != null) {
            altered = t.withRegions(alterRegions(t, def));
            forgetCopiesFromDroppedRegions(t, altered.regionIds());
            for (TableSchema child : txn.tables()) {
                if (child.name().toLowerCase().startsWith(t.name().toLowerCase() + ".")) {
                    txn.putTable(child.withRegions(altered.regionIds()));
                    forgetCopiesFromDroppedRegions(child, altered.regionIds());
                }
            }
        } else {
            throw StatementError.notSupported(def.freeze_def() != null ? "FREEZE SCHEMA" : "UNFREEZE SCHEMA");
        }
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    /** A region dropped from the table and added back later is copied from again (table initialisation). */
    private void forgetCopiesFromDroppedRegions(TableSchema t, List<Integer> keptIds) {
        for (RegionInfo r : txn.regions()) {
            if (t.regionIds().contains(r.id()) && !keptIds.contains(r.id())) {
                txn.dropAgentStates(InitializationKeys.prefix(t, r.name()));
            }
        }
    }

    private List<Integer> alterRegions(TableSchema t, Alter_defContext def) {
        if (!t.isMultiRegion()) {
            throw RequestException.illegalArgument("Table is not a multi-region table");
        }
        if (t.parentName() != null) {
            throw RequestException.illegalArgument("Cannot add regions to a child table");
        }
        List<Integer> ids = new ArrayList<>(t.regionIds());
        if (def.add_region_def() != null) {
            for (String n : names(def.add_region_def().region_names().id_list())) {
                int id = region(n).id();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }
        for (String n : names(def.drop_region_def().region_names().id_list())) {
            RegionInfo r = region(n);
            if (r.local()) {
                throw RequestException.illegalArgument("Cannot drop the local region: " + r.name());
            }
            ids.remove((Integer) r.id());
        }
        return ids;
    }

    private RegionInfo region(String name) {
        return txn.regions().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument("Unknown region: " + name));
    }
}
