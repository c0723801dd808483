package io.mrtck.reference.sql.system;

import static io.mrtck.reference.sql.TableName.DEFAULT_NAMESPACE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.TableName;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.StoreTxn;

/** Region, namespace and SHOW statements. Each returns its result text or null. */
public final class SystemStatements {
    private final StoreTxn txn;

    public SystemStatements(StoreTxn txn) {
        this.txn = txn;
    }

    /** Whether the statement is a region, namespace, security, SHOW or DESCRIBE statement. */
    public static boolean isSystem(StatementContext ctx) {
        return ctx.set_local_region_statement() != null || ctx.create_region_statement() != null
            || ctx.drop_region_statement() != null || ctx.create_namespace_statement() != null
            || ctx.drop_namespace_statement() != null || isReadOnly(ctx) || isSecurity(ctx);
    }

    public static boolean isReadOnly(StatementContext ctx) {
        return ctx.show_statement() != null || ctx.describe_statement() != null;
    }

    private static boolean isSecurity(StatementContext ctx) {
        return ctx.create_user_statement() != null || ctx.create_role_statement() != null
            || ctx.alter_user_statement() != null || ctx.drop_user_statement() != null
            || ctx.drop_role_statement() != null || ctx.grant_statement() != null || ctx.revoke_statement() != null;
    }

    public String execute(StatementContext ctx) {
        if (ctx.set_local_region_statement() != null) {
            return setLocalRegion(ctx.set_local_region_statement().region_name().getText());
        }
        if (ctx.create_region_statement() != null) {
            return createRegion(ctx.create_region_statement().region_name().getText());
        }
        if (ctx.drop_region_statement() != null) {
            return dropRegion(ctx.drop_region_statement().region_name().getText());
        }
        if (ctx.create_namespace_statement() != null) {
            Create_namespace_statementContext c = ctx.create_namespace_statement();
            return createNamespace(TableName.dotted(c.namespace().id_path()), c.EXISTS() != null);
        }
        if (ctx.drop_namespace_statement() != null) {
            Drop_namespace_statementContext d = ctx.drop_namespace_statement();
            return dropNamespace(TableName.dotted(d.namespace().id_path()), d.EXISTS() != null, d.CASCADE() != null);
        }
        if (ctx.show_statement() != null) {
            return show(ctx.show_statement());
        }
        if (ctx.describe_statement() != null) {
            Describe_statementContext d = ctx.describe_statement();
            return new DescribeStatement(txn, table(d.table_name())).execute(d);
        }
        throw StatementError.notSupported("User, role and privilege statements");
    }

    private String show(Show_statementContext s) {
        boolean json = s.JSON() != null;
        if (s.REGIONS() != null) return showRegions(json);
        if (s.NAMESPACES() != null) return showNamespaces(json);
        if (s.TABLES() != null) return showTables(json);
        if (s.TABLE() != null) return list("tableHierarchy", hierarchy(table(s.table_name())), json);
        if (s.INDEXES() != null) {
            return list("indexes", table(s.table_name()).indexes().stream().map(IndexDef::name)
                .sorted(String.CASE_INSENSITIVE_ORDER).toList(), json);
        }
        throw StatementError.notSupported("SHOW of users and roles");
    }

    /** The table and its ancestors, from the top-level table down. */
    private static List<String> hierarchy(TableSchema t) {
        List<String> out = new ArrayList<>();
        for (int dot = t.name().indexOf('.'); dot >= 0; dot = t.name().indexOf('.', dot + 1)) {
            out.add(t.name().substring(0, dot));
        }
        out.add(t.name());
        return out;
    }

    private TableSchema table(Table_nameContext name) {
        TableName tn = TableName.of(name);
        return txn.table(tn.name()).orElseThrow(() -> new RequestException(ErrorCode.TABLE_NOT_FOUND,
            StatementError.at(name, "Table does not exist: " + tn.name()).getMessage()));
    }

    private Optional<RegionInfo> region(String name) {
        return txn.regions().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The local region's name can be changed only while no MR table exists (the same name is
     * accepted again), and may not be a remote region's.
     */
    private String setLocalRegion(String name) {
        checkRegionName(name);
        Optional<RegionInfo> local = txn.regions().stream().filter(RegionInfo::local).findFirst();
        if (local.isPresent()) {
            if (local.get().name().equals(name)) {
                return null;
            }
            if (txn.tables().stream().anyMatch(TableSchema::isMultiRegion)) {
                throw new PlanFailure("SetLocalRegion " + name,
                    "Cannot change local region name, milti-region tables are active");
            }
            txn.dropRegion(local.get().name());
        }
        Optional<RegionInfo> remote = region(name);
        if (remote.isPresent() && !remote.get().local()) {
            throw new PlanFailure("SetLocalRegion " + name, "Region " + name + " is a remote region");
        }
        txn.putRegion(new RegionInfo(1, name, true));
        return null;
    }

    /** Creating a remote region that exists already does nothing; the local region's name is refused. */
    private String createRegion(String name) {
        checkRegionName(name);
        Optional<RegionInfo> existing = region(name);
        if (existing.isPresent()) {
            if (existing.get().local()) {
                throw new PlanFailure("CreateRegion " + name, "Region " + name + " is the local region");
            }
            return null;
        }
        int next = Math.max(1, txn.regions().stream().mapToInt(RegionInfo::id).max().orElse(1)) + 1;
        txn.putRegion(new RegionInfo(next, name, false));
        return null;
    }

    /** Dropping an unknown region does nothing; the local region and regions MR tables use are refused. */
    private String dropRegion(String name) {
        Optional<RegionInfo> found = region(name);
        if (found.isEmpty()) {
            return null;
        }
        RegionInfo r = found.get();
        if (r.local()) {
            throw new PlanFailure("DropRegion " + name, "Cannot drop local region");
        }
        // child tables follow their parent's regions and are not counted
        List<String> users = txn.tables().stream()
            .filter(t -> t.parentName() == null && t.regionIds().contains(r.id())).map(TableSchema::name).toList();
        if (!users.isEmpty()) {
            throw new PlanFailure("DropRegion " + name, "Cannot remove region " + name
                + " because it is still in use by " + (users.size() > 1 ? users.size() + " tables" : users.get(0)));
        }
        txn.dropRegion(r.name());
        return null;
    }

    /** Region names follow the rules of table names (letters, digits and _, starting with a letter). */
    private static void checkRegionName(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw RequestException.illegalArgument("Region names may contain only alphanumeric values plus the "
                + "character \"_\": " + name);
        }
    }

    private boolean namespaceExists(String name) {
        return name.equalsIgnoreCase(DEFAULT_NAMESPACE)
            || txn.namespaces().stream().anyMatch(name::equalsIgnoreCase);
    }

    private String createNamespace(String name, boolean ifNotExists) {
        if (namespaceExists(name)) {
            if (ifNotExists) {
                return null;
            }
            throw new RequestException(ErrorCode.RESOURCE_EXISTS, "Namespace already exists: " + name);
        }
        txn.putNamespace(name);
        return null;
    }

    private String dropNamespace(String name, boolean ifExists, boolean cascade) {
        if (name.equalsIgnoreCase(DEFAULT_NAMESPACE)) {
            throw RequestException.illegalArgument("Cannot drop the default namespace " + DEFAULT_NAMESPACE);
        }
        if (!namespaceExists(name)) {
            if (ifExists) {
                return null;
            }
            throw new RequestException(ErrorCode.RESOURCE_NOT_FOUND, "Namespace not found: " + name);
        }
        List<TableSchema> tables = new ArrayList<>(txn.tables().stream()
            .filter(t -> t.namespace() != null && t.namespace().equalsIgnoreCase(name)).toList());
        if (!tables.isEmpty() && !cascade) {
            throw RequestException.illegalArgument("Namespace " + name + " is not empty: it has tables "
                + tables.stream().map(TableSchema::name).toList() + "; use CASCADE");
        }
        // children before parents
        tables.sort(Comparator.comparingInt((TableSchema t) -> t.name().split("\\.").length).reversed());
        for (TableSchema t : tables) {
            txn.dropTable(t.name());
        }
        String stored = txn.namespaces().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
        txn.dropNamespace(stored);
        return null;
    }

    private String showRegions(boolean json) {
        List<RegionInfo> regions = new ArrayList<>(txn.regions());
        regions.sort(Comparator.comparingInt(RegionInfo::id));
        if (json) {
            StringBuilder sb = new StringBuilder("{\"regions\" : [");
            for (int i = 0; i < regions.size(); i++) {
                RegionInfo r = regions.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"name\" : ").append(quote(r.name())).append(", \"type\" : \"")
                    .append(r.local() ? "local" : "remote").append("\", \"state\" : \"active\"}");
            }
            return sb.append("]}").toString();
        }
        StringBuilder sb = new StringBuilder("regions");
        for (RegionInfo r : regions) {
            sb.append("\n  ").append(r.name()).append(" (").append(r.local() ? "local" : "remote")
                .append(", active)");
        }
        return sb.toString();
    }

    private List<String> namespaceNames() {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_NAMESPACE);
        txn.namespaces().stream().filter(n -> !n.equalsIgnoreCase(DEFAULT_NAMESPACE)).sorted(String.CASE_INSENSITIVE_ORDER)
            .forEach(names::add);
        return names;
    }

    private String showNamespaces(boolean json) {
        return list("namespaces", namespaceNames(), json);
    }

    private String showTables(boolean json) {
        List<String> names = txn.tables().stream()
            .map(t -> t.namespace() == null ? t.name() : t.namespace() + ":" + t.name())
            .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return list("tables", names, json);
    }

    private static String list(String title, List<String> items, boolean json) {
        if (json) {
            StringBuilder sb = new StringBuilder("{\"").append(title).append("\" : [");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(quote(items.get(i)));
            }
            return sb.append("]}").toString();
        }
        StringBuilder sb = new StringBuilder(title);
        items.forEach(i -> sb.append("\n  ").append(i));
        return sb.toString();
    }

    private static String quote(String s) {
        return new com.fasterxml.jackson.databind.node.TextNode(s).toString();
    }
}
