package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.StoreTxn;

/** Executes CREATE/DROP/ALTER TABLE and CREATE/DROP INDEX in one store transaction. */
final class TableDdl {
    private final StoreTxn txn;
    private final String statement;

    TableDdl(StoreTxn txn, String statement) {
        this.txn = txn;
        this.statement = statement;
    }

    /** Whether the statement is one this class executes (what a TableRequest may carry). */
    static boolean isTableDdl(StatementContext ctx) {
        return ctx.create_table_statement() != null || ctx.drop_table_statement() != null
            || ctx.alter_table_statement() != null || ctx.create_index_statement() != null
            || ctx.drop_index_statement() != null || ctx.create_text_index_statement() != null;
    }

    DdlResult execute(StatementContext ctx) {
        if (ctx.create_table_statement() != null) return create(ctx.create_table_statement());
        if (ctx.drop_table_statement() != null) return drop(ctx.drop_table_statement());
        if (ctx.alter_table_statement() != null) return alter(ctx.alter_table_statement());
        if (ctx.create_index_statement() != null) return createIndex(ctx.create_index_statement());
        if (ctx.drop_index_statement() != null) return dropIndex(ctx.drop_index_statement());
        throw StatementError.notSupported("CREATE FULLTEXT INDEX");
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private DdlResult create(Create_table_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        Optional<TableSchema> existing = txn.table(tn.name());
        if (existing.isPresent()) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(existing.get().name(), existing.get(), false);
            }
            throw new RequestException(ErrorCode.TABLE_EXISTS, "Table already exists: " + existing.get().name());
        }
        checkNamespace(tn.namespace());
        TableSchema parent = null;
        String name = tn.name();
        if (tn.parent() != null) {
            parent = txn.table(tn.parent()).orElseThrow(() -> RequestException.tableNotFound(tn.parent()));
            name = parent.name() + name.substring(name.lastIndexOf('.'));
        }

        if (ctx.comment() != null) {
            throw StatementError.notSupported("COMMENT");
        }
        Table_defContext def = ctx.table_def();
        if (!def.json_collection_mrcounter_def().isEmpty()) {
            throw StatementError.notSupported("A JSON collection MR_COUNTER");
        }
        if (def.key_def().size() > 1) {
            throw StatementError.at(def.key_def(1), "Table " + tn.name() + " has more than one PRIMARY KEY clause");
        }
        Options options = new Options(ctx.table_options());
        List<FieldDef> own = new ArrayList<>();
        for (Column_defContext c : def.column_def()) {
            FieldDef f = TypeDefReader.column(c);
            if (own.stream().anyMatch(x -> x.nameIs(f.name()))
                || (parent != null && parent.isPrimaryKey(f.name()))) {
                throw RequestException.illegalArgument("Duplicate column name: " + f.name());
            }
            own.add(f);
        }

        Key_defContext pk = def.key_def().isEmpty() ? null : def.key_def(0);
        Shard_key_defContext shard = pk == null ? null : pk.shard_key_def();
        List<String> ownKey = new ArrayList<>();
        int shardCount;
        if (shard != null) {
            if (parent != null) {
                throw RequestException.illegalArgument("A child table cannot declare a shard key: " + name);
            }
            ownKey.addAll(keyNames(shard.id_list_with_size()));
            shardCount = ownKey.size();
        } else {
            shardCount = -1;
        }
        if (pk != null && pk.id_list_with_size() != null) {
            ownKey.addAll(keyNames(pk.id_list_with_size()));
        }
        if (shardCount < 0) {
            shardCount = parent != null ? parent.shardKeyCount() : ownKey.size();
        }
        if (ownKey.isEmpty() && parent == null) {
            throw RequestException.illegalArgument("Table " + name + " needs a primary key");
        }
        List<String> key = new ArrayList<>();
        if (parent != null) {
            key.addAll(parent.primaryKey());
        }
        for (String k : ownKey) {
            int at = indexOf(own, k);
            if (at < 0) {
                throw RequestException.illegalArgument("Primary key column " + k + " is not a column of table " + name);
            }
            FieldDef f = own.get(at);
            if (!f.type().code().isKeyable()) {
                throw RequestException.illegalArgument("Primary key column " + f.name()
                    + " cannot be of type " + f.type().code());
            }
            if (f.mrCounter()) {
                throw RequestException.illegalArgument("An MR_COUNTER column cannot be a primary key column: " + f.name());
            }
            if (key.stream().anyMatch(x -> x.equalsIgnoreCase(f.name()))) {
                throw RequestException.illegalArgument("Duplicate primary key column: " + f.name());
            }
            own.set(at, new FieldDef(f.name(), f.type(), false, f.defaultValue(), false));
            key.add(f.name());
        }

        List<FieldDef> fields = new ArrayList<>();
        if (parent != null) {
            for (String k : parent.primaryKey()) {
                fields.add(parent.field(k).orElseThrow());
            }
        }
        fields.addAll(own);

        List<Integer> regionIds;
        if (parent != null) {
            regionIds = parent.regionIds();
            if (options.regions != null && !new LinkedHashSet<>(regionIds(options.regions.region_names()))
                    .equals(new LinkedHashSet<>(regionIds))) {
                throw RequestException.illegalArgument("A child table has the regions of its parent table "
                    + parent.name());
            }
        } else {
            regionIds = options.regions == null ? List.of() : regionIds(options.regions.region_names());
        }
        if (regionIds.isEmpty() && own.stream().anyMatch(TypeDefReader::hasCounters)) {
            throw RequestException.illegalArgument("MR_counters are not allowed in the table " + name
                + " because it is not a multi-region table");
        }
        TimeToLive ttl = options.ttl == null ? null : ttl(options.ttl);
        String namespace = parent != null ? parent.namespace() : tn.namespace();
        TableSchema schema = new TableSchema(name, namespace, fields, key, shardCount, ttl, regionIds,
            List.of(), 1, statement);
        txn.putTable(schema);
        return new DdlResult(schema.name(), schema, false);
    }

    private void checkNamespace(String namespace) {
        if (namespace != null && txn.namespaces().stream().noneMatch(namespace::equalsIgnoreCase)) {
            throw new RequestException(ErrorCode.RESOURCE_NOT_FOUND, "Namespace not found: " + namespace);
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

    /** Region ids for an IN REGIONS / ADD REGIONS list: the local region must be set and known names only. */
    private List<Integer> regionIds(Region_namesContext ctx) {
        List<RegionInfo> regions = txn.regions();
        RegionInfo local = regions.stream().filter(RegionInfo::local).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument(
                "Cannot create a multi-region table: the local region name is not set;"
                    + " set it with SET LOCAL REGION first"));
        Set<Integer> ids = new LinkedHashSet<>();
        for (String n : names(ctx.id_list())) {
            RegionInfo r = regions.stream().filter(x -> x.name().equalsIgnoreCase(n)).findFirst()
                .orElseThrow(() -> RequestException.illegalArgument("Unknown region: " + n));
            ids.add(r.id());
        }
        if (!ids.contains(local.id())) {
            throw RequestException.illegalArgument("The local region " + local.name()
                + " must be one of the regions of a multi-region table");
        }
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
        return new TimeToLive(value, unit.HOURS() != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS);
    }

    private static List<String> names(Id_listContext ctx) {
        List<String> out = new ArrayList<>();
        for (IdContext n : ctx.id()) {
            out.add(n.getText());
        }
        return out;
    }

    private static List<String> keyNames(Id_list_with_sizeContext ctx) {
        List<String> out = new ArrayList<>();
        for (Id_with_sizeContext n : ctx.id_with_size()) {
            if (n.storage_size() != null) {
                throw StatementError.notSupported("A primary key storage size (" + n.getText() + ")");
            }
            out.add(n.id().getText());
        }
        return out;
    }

    private static int indexOf(List<FieldDef> fields, String name) {
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
            throw RequestException.tableNotFound(tn.name());
        }
        String name = table.get().name();
        List<String> children = children(name);
        if (!children.isEmpty()) {
            throw RequestException.illegalArgument("Cannot drop table " + name
                + ": it has child tables " + children + "; drop them first");
        }
        txn.dropTable(name);
        return new DdlResult(name, null, true);
    }

    private List<String> children(String name) {
        List<String> out = new ArrayList<>();
        for (TableSchema t : txn.tables()) {
            if (t.parentName() != null && t.parentName().equalsIgnoreCase(name)) {
                out.add(t.name());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ ALTER TABLE

    private DdlResult alter(Alter_table_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        Alter_defContext def = ctx.alter_def();
        TableSchema altered;
        if (def.alter_field_statements() != null) {
            altered = with(t, alterFields(t, def.alter_field_statements()), t.ttl(), t.regionIds(), t.indexes());
        } else if (def.ttl_def() != null) {
            altered = with(t, t.fields(), ttl(def.ttl_def()), t.regionIds(), t.indexes());
        } else if (def.add_region_def() != null || def.drop_region_def() != null) {
            altered = with(t, t.fields(), t.ttl(), alterRegions(t, def), t.indexes());
            for (TableSchema child : txn.tables()) {
                if (child.name().toLowerCase().startsWith(t.name().toLowerCase() + ".")) {
                    txn.putTable(with(child, child.fields(), child.ttl(), altered.regionIds(), child.indexes()));
                }
            }
        } else {
            throw StatementError.notSupported(def.freeze_def() != null ? "FREEZE SCHEMA" : "UNFREEZE SCHEMA");
        }
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    /** ADD, DROP and MODIFY of columns, applied in order. */
    private List<FieldDef> alterFields(TableSchema t, Alter_field_statementsContext ctx) {
        List<FieldDef> fields = new ArrayList<>(t.fields());
        for (ParserRuleContext op : ctx.getRuleContexts(ParserRuleContext.class)) {
            if (op instanceof Add_field_statementContext add) {
                FieldDef f = TypeDefReader.column(topLevelColumn(add.schema_path(), "ADD"), add.type_def(), add);
                if (indexOf(fields, f.name()) >= 0) {
                    throw StatementError.at(add.schema_path(), "Cannot add field, " + f.name() + ", it already exists");
                }
                if (TypeDefReader.hasCounters(f) && !t.isMultiRegion()) {
                    throw RequestException.illegalArgument("MR_counters are not allowed in the table "
                        + t.name() + " because it is not a multi-region table");
                }
                fields.add(f);
            } else if (op instanceof Drop_field_statementContext drop) {
                String col = topLevelColumn(drop.schema_path(), "DROP");
                int at = indexOf(fields, col);
                if (at < 0) {
                    throw RequestException.illegalArgument("Unknown column: " + col + " in table " + t.name());
                }
                if (t.isPrimaryKey(col)) {
                    throw StatementError.at(drop.schema_path(), "Cannot remove a primary key field: " + col);
                }
                String dropped = fields.get(at).name();
                for (IndexDef idx : t.indexes()) {
                    if (idx.fields().stream().anyMatch(f -> root(f.path()).equalsIgnoreCase(dropped))) {
                        throw RequestException.illegalArgument("Cannot remove column " + dropped
                            + ": it is used by index " + idx.name());
                    }
                }
                fields.remove(at);
            } else {
                Modify_field_statementContext modify = (Modify_field_statementContext) op;
                if (modify.type_def() != null) {
                    throw StatementError.at(modify, "MODIFY <type> is not supported at this time");
                }
                throw StatementError.notSupported("ALTER TABLE ... MODIFY of an identity or UUID column");
            }
        }
        return fields;
    }

    /** The column a top-level schema path names; nested paths (r.x, a[]) are not supported yet. */
    private static String topLevelColumn(Schema_pathContext path, String op) {
        if (!path.schema_path_step().isEmpty() || path.init_schema_path_step().LBRACK().size() > 0) {
            throw StatementError.notSupported("ALTER TABLE ... " + op + " of a nested field (" + path.getText() + ")");
        }
        return path.init_schema_path_step().id().getText();
    }

    private List<Integer> alterRegions(TableSchema t, Alter_defContext def) {
        if (!t.isMultiRegion()) {
            throw RequestException.illegalArgument("Table " + t.name() + " is not a multi-region table");
        }
        if (t.parentName() != null) {
            throw RequestException.illegalArgument("The regions of child table " + t.name()
                + " follow its parent table");
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
                throw RequestException.illegalArgument("Cannot drop the local region " + r.name()
                    + " from table " + t.name());
            }
            if (!ids.remove((Integer) r.id())) {
                throw RequestException.illegalArgument("Region " + r.name()
                    + " is not a region of table " + t.name());
            }
        }
        return ids;
    }

    private RegionInfo region(String name) {
        return txn.regions().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument("Unknown region: " + name));
    }

    private static String root(String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        return head.endsWith("[]") ? head.substring(0, head.length() - 2) : head;
    }

    private static TableSchema with(TableSchema t, List<FieldDef> fields, TimeToLive ttl,
                                    List<Integer> regionIds, List<IndexDef> indexes) {
        return new TableSchema(t.name(), t.namespace(), fields, t.primaryKey(), t.shardKeyCount(), ttl,
            regionIds, indexes, t.tableVersion() + 1, t.ddl());
    }

    // ------------------------------------------------------------------ INDEXES

    private DdlResult createIndex(Create_index_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        String name = ctx.index_name().getText();
        if (t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(name))) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(t.name(), t, false);
            }
            throw new RequestException(ErrorCode.INDEX_EXISTS, "Index already exists: " + name
                + " on table " + t.name());
        }
        if (!ctx.WITH().isEmpty()) {
            throw StatementError.notSupported("CREATE INDEX ... WITH");
        }
        if (ctx.comment() != null) {
            throw StatementError.notSupported("COMMENT");
        }
        List<IndexDef.Field> fields = new ArrayList<>();
        for (Index_fieldContext f : ctx.index_field_list().index_field()) {
            fields.add(indexField(t, f));
        }
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        indexes.add(new IndexDef(name, fields));
        TableSchema altered = new TableSchema(t.name(), t.namespace(), t.fields(), t.primaryKey(),
            t.shardKeyCount(), t.ttl(), t.regionIds(), indexes, t.tableVersion(), t.ddl());
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    /** A field path (a.b, a[], m.keys(), m.values()) and its declared type (AS STRING), if any. */
    private static IndexDef.Field indexField(TableSchema t, Index_fieldContext f) {
        Index_pathContext path = f.index_path();
        Field_nameContext first = path == null ? null
            : path.name_path() != null ? path.name_path().field_name(0)
            : path.multikey_path_prefix() != null ? path.multikey_path_prefix().field_name(0) : null;
        if (first == null) {
            throw StatementError.notSupported("An index on " + f.getText());
        }
        String head = first.DSTRING() != null ? StatementParser.unquote(first.getText()) : first.getText();
        FieldDef column = t.field(head).orElseThrow(() -> RequestException.illegalArgument(
            "Unknown column: " + head + " in table " + t.name()));
        String rest = path.getText().substring(first.getText().length());
        Path_typeContext type = f.path_type();
        if (type != null && (type.GEOMETRY_T() != null || type.POINT_T() != null)) {
            throw StatementError.notSupported("A GEOMETRY or POINT index");
        }
        return new IndexDef.Field(column.name() + rest, type == null ? null : type.getChild(1).getText().toUpperCase());
    }

    private DdlResult dropIndex(Drop_index_statementContext ctx) {
        TableName tn = TableName.of(ctx.table_name());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        if (ctx.OVERRIDE() != null) {
            throw StatementError.notSupported("DROP INDEX ... OVERRIDE");
        }
        String name = ctx.index_name().getText();
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        if (!indexes.removeIf(i -> i.name().equalsIgnoreCase(name))) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(t.name(), t, false);
            }
            throw new RequestException(ErrorCode.INDEX_NOT_FOUND, "Index not found: " + name
                + " on table " + t.name());
        }
        TableSchema altered = new TableSchema(t.name(), t.namespace(), t.fields(), t.primaryKey(),
            t.shardKeyCount(), t.ttl(), t.regionIds(), indexes, t.tableVersion(), t.ddl());
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }
}
