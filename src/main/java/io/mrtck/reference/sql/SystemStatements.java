package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.SchemaJson;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.StoreTxn;

/** Region, namespace and SHOW statements. Each returns its result text or null. */
final class SystemStatements {
    static final String DEFAULT_NAMESPACE = "sysdefault";

    private final StoreTxn txn;

    SystemStatements(StoreTxn txn) {
        this.txn = txn;
    }

    static boolean isReadOnly(SystemStatementContext ctx) {
        return ctx instanceof ShowRegionsContext || ctx instanceof ShowNamespacesContext
            || ctx instanceof ShowTablesContext || ctx instanceof ShowTableContext;
    }

    String execute(SystemStatementContext ctx) {
        if (ctx instanceof SetLocalRegionContext s) return setLocalRegion(StatementParser.nameText(s.name()));
        if (ctx instanceof CreateRegionContext c) return createRegion(StatementParser.nameText(c.name()));
        if (ctx instanceof DropRegionContext d) return dropRegion(StatementParser.nameText(d.name()));
        if (ctx instanceof CreateNamespaceContext c) return createNamespace(StatementParser.nameText(c.name()), c.EXISTS() != null);
        if (ctx instanceof DropNamespaceContext d) {
            return dropNamespace(StatementParser.nameText(d.name()), d.EXISTS() != null, d.CASCADE() != null);
        }
        if (ctx instanceof ShowRegionsContext s) return showRegions(s.JSON() != null);
        if (ctx instanceof ShowNamespacesContext s) return showNamespaces(s.JSON() != null);
        if (ctx instanceof ShowTablesContext s) return showTables(s.JSON() != null);
        ShowTableContext s = (ShowTableContext) ctx;
        TableName tn = TableName.of(s.tableName());
        TableSchema t = txn.table(tn.name()).orElseThrow(() -> RequestException.tableNotFound(tn.name()));
        return SchemaJson.render(t);
    }

    private Optional<RegionInfo> region(String name) {
        return txn.regions().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    private String setLocalRegion(String name) {
        Optional<RegionInfo> local = txn.regions().stream().filter(RegionInfo::local).findFirst();
        if (local.isPresent()) {
            if (local.get().name().equals(name)) {
                return null;
            }
            if (txn.tables().stream().anyMatch(TableSchema::isMultiRegion)) {
                throw RequestException.illegalArgument("Cannot change the local region name from "
                    + local.get().name() + " to " + name + ": multi-region tables exist");
            }
            txn.dropRegion(local.get().name());
        }
        Optional<RegionInfo> remote = region(name);
        if (remote.isPresent() && !remote.get().local()) {
            throw RequestException.illegalArgument("Region " + name
                + " is already defined as a remote region; it cannot be the local region");
        }
        txn.putRegion(new RegionInfo(1, name, true));
        return null;
    }

    private String createRegion(String name) {
        if (region(name).isPresent()) {
            throw new RequestException(ErrorCode.RESOURCE_EXISTS, "Region already exists: " + name);
        }
        int next = Math.max(1, txn.regions().stream().mapToInt(RegionInfo::id).max().orElse(1)) + 1;
        txn.putRegion(new RegionInfo(next, name, false));
        return null;
    }

    private String dropRegion(String name) {
        RegionInfo r = region(name).orElseThrow(() -> new RequestException(ErrorCode.RESOURCE_NOT_FOUND,
            "Unknown region: " + name));
        if (r.local()) {
            throw RequestException.illegalArgument("Cannot drop the local region " + r.name());
        }
        List<String> users = txn.tables().stream().filter(t -> t.regionIds().contains(r.id()))
            .map(TableSchema::name).toList();
        if (!users.isEmpty()) {
            throw RequestException.illegalArgument("Cannot drop region " + r.name()
                + ": it is used by multi-region tables " + users);
        }
        txn.dropRegion(r.name());
        return null;
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
