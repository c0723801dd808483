package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    DdlResult execute(DdlContext ctx) {
        if (ctx.createTable() != null) return create(ctx.createTable());
        if (ctx.dropTable() != null) return drop(ctx.dropTable());
        if (ctx.alterTable() != null) return alter(ctx.alterTable());
        if (ctx.createIndex() != null) return createIndex(ctx.createIndex());
        return dropIndex(ctx.dropIndex());
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private DdlResult create(CreateTableContext ctx) {
        TableName tn = TableName.of(ctx.tableName());
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

        List<FieldDef> own = new ArrayList<>();
        for (ColumnDefContext c : ctx.columnDef()) {
            FieldDef f = TypeDefReader.column(c);
            if (own.stream().anyMatch(x -> x.nameIs(f.name()))
                || (parent != null && parent.isPrimaryKey(f.name()))) {
                throw RequestException.illegalArgument("Duplicate column name: " + f.name());
            }
            own.add(f);
        }

        PrimaryKeyContext pk = ctx.primaryKey();
        List<String> ownKey = new ArrayList<>();
        int shardCount;
        if (pk.SHARD() != null) {
            if (parent != null) {
                throw RequestException.illegalArgument("A child table cannot declare a shard key: " + name);
            }
            ownKey.addAll(names(pk.nameList(0)));
            shardCount = ownKey.size();
            if (pk.nameList().size() > 1) {
                ownKey.addAll(names(pk.nameList(1)));
            }
        } else {
            ownKey.addAll(names(pk.nameList(0)));
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
            if (ctx.regionsClause() != null && !new LinkedHashSet<>(regionIds(ctx.regionsClause().nameList()))
                    .equals(new LinkedHashSet<>(regionIds))) {
                throw RequestException.illegalArgument("A child table has the regions of its parent table "
                    + parent.name());
            }
        } else {
            regionIds = ctx.regionsClause() == null ? List.of() : regionIds(ctx.regionsClause().nameList());
        }
        if (regionIds.isEmpty() && own.stream().anyMatch(TypeDefReader::hasCounters)) {
            throw RequestException.illegalArgument("MR_counters are not allowed in the table " + name
                + " because it is not a multi-region table");
        }
        TimeToLive ttl = ctx.ttlClause() == null ? null : ttl(ctx.ttlClause());
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

    /** Region ids for an IN REGIONS / ADD REGIONS list: the local region must be set and known names only. */
    private List<Integer> regionIds(NameListContext ctx) {
        List<RegionInfo> regions = txn.regions();
        RegionInfo local = regions.stream().filter(RegionInfo::local).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument(
                "Cannot create a multi-region table: the local region name is not set;"
                    + " set it with SET LOCAL REGION first"));
        Set<Integer> ids = new LinkedHashSet<>();
        for (String n : names(ctx)) {
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

    static TimeToLive ttl(TtlClauseContext ctx) {
        return new TimeToLive(Long.parseLong(ctx.INT().getText()),
            ctx.HOURS() != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS);
    }

    private static List<String> names(NameListContext ctx) {
        List<String> out = new ArrayList<>();
        for (NameContext n : ctx.name()) {
            out.add(StatementParser.nameText(n));
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

    private DdlResult drop(DropTableContext ctx) {
        TableName tn = TableName.of(ctx.tableName());
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

    private DdlResult alter(AlterTableContext ctx) {
        TableName tn = TableName.of(ctx.getRuleContext(TableNameContext.class, 0));
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        TableSchema altered;
        if (ctx instanceof AlterFieldsContext a) {
            List<FieldDef> fields = new ArrayList<>(t.fields());
            for (AlterFieldContext op : a.alterField()) {
                if (op instanceof AddFieldContext add) {
                    FieldDef f = TypeDefReader.field(StatementParser.nameText(add.name()),
                        TypeDefReader.type(add.typeDef()), add.columnOption());
                    if (indexOf(fields, f.name()) >= 0) {
                        throw RequestException.illegalArgument("Column already exists: " + f.name()
                            + " in table " + t.name());
                    }
                    if (TypeDefReader.hasCounters(f) && !t.isMultiRegion()) {
                        throw RequestException.illegalArgument("MR_counters are not allowed in the table "
                            + t.name() + " because it is not a multi-region table");
                    }
                    fields.add(f);
                } else {
                    String col = StatementParser.nameText(((DropFieldContext) op).name());
                    int at = indexOf(fields, col);
                    if (at < 0) {
                        throw RequestException.illegalArgument("Unknown column: " + col + " in table " + t.name());
                    }
                    if (t.isPrimaryKey(col)) {
                        throw RequestException.illegalArgument("Cannot remove a primary key column: " + col);
                    }
                    String dropped = fields.get(at).name();
                    for (IndexDef idx : t.indexes()) {
                        if (idx.fields().stream().anyMatch(f -> root(f.path()).equalsIgnoreCase(dropped))) {
                            throw RequestException.illegalArgument("Cannot remove column " + dropped
                                + ": it is used by index " + idx.name());
                        }
                    }
                    fields.remove(at);
                }
            }
            altered = with(t, fields, t.ttl(), t.regionIds(), t.indexes());
        } else if (ctx instanceof AlterTtlContext a) {
            altered = with(t, t.fields(), ttl(a.ttlClause()), t.regionIds(), t.indexes());
        } else {
            if (!t.isMultiRegion()) {
                throw RequestException.illegalArgument("Table " + t.name() + " is not a multi-region table");
            }
            if (t.parentName() != null) {
                throw RequestException.illegalArgument("The regions of child table " + t.name()
                    + " follow its parent table");
            }
            List<Integer> ids = new ArrayList<>(t.regionIds());
            if (ctx instanceof AlterAddRegionsContext add) {
                for (String n : names(add.nameList())) {
                    int id = region(n).id();
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            } else {
                for (String n : names(((AlterDropRegionsContext) ctx).nameList())) {
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
            }
            altered = with(t, t.fields(), t.ttl(), ids, t.indexes());
            for (TableSchema child : txn.tables()) {
                if (child.name().toLowerCase().startsWith(t.name().toLowerCase() + ".")) {
                    txn.putTable(with(child, child.fields(), child.ttl(), ids, child.indexes()));
                }
            }
        }
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
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

    private DdlResult createIndex(CreateIndexContext ctx) {
        TableName tn = TableName.of(ctx.tableName());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        String name = StatementParser.nameText(ctx.name());
        if (t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(name))) {
            if (ctx.EXISTS() != null) {
                return new DdlResult(t.name(), t, false);
            }
            throw new RequestException(ErrorCode.INDEX_EXISTS, "Index already exists: " + name
                + " on table " + t.name());
        }
        List<IndexDef.Field> fields = new ArrayList<>();
        for (IndexFieldContext f : ctx.indexField()) {
            List<String> parts = new ArrayList<>();
            for (NameContext n : f.indexPath().name()) {
                parts.add(StatementParser.nameText(n));
            }
            FieldDef column = t.field(parts.get(0)).orElseThrow(() -> RequestException.illegalArgument(
                "Unknown column: " + parts.get(0) + " in table " + t.name()));
            String path = column.name()
                + f.indexPath().getText().substring(f.indexPath().name(0).getText().length());
            String type = f.typeDef() == null ? null : f.typeDef().getText().toUpperCase();
            fields.add(new IndexDef.Field(path, type));
        }
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        indexes.add(new IndexDef(name, fields));
        TableSchema altered = new TableSchema(t.name(), t.namespace(), t.fields(), t.primaryKey(),
            t.shardKeyCount(), t.ttl(), t.regionIds(), indexes, t.tableVersion(), t.ddl());
        txn.putTable(altered);
        return new DdlResult(altered.name(), altered, false);
    }

    private DdlResult dropIndex(DropIndexContext ctx) {
        TableName tn = TableName.of(ctx.tableName());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        String name = StatementParser.nameText(ctx.name());
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
