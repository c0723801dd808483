package io.mrtck.reference.sql.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.IndexDef;
import io.mrtck.reference.schema.SchemaJson;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlParser.Describe_statementContext;
import io.mrtck.reference.sql.SqlParser.Schema_pathContext;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.store.StoreTxn;

/**
 * {@code DESCRIBE [AS JSON] TABLE t [(fields)]} and {@code DESCRIBE [AS JSON] INDEX i ON t}: the
 * table JSON (with region names, unlike GetTable's ids), some of its fields, or an index; as
 * text, the real engine's tables.
 */
final class DescribeStatement {
    private final StoreTxn txn;
    private final TableSchema table;

    DescribeStatement(StoreTxn txn, TableSchema table) {
        this.txn = txn;
        this.table = table;
    }

    String execute(Describe_statementContext d) {
        boolean json = d.JSON() != null;
        if (d.INDEX() != null) {
            String name = d.index_name().getText();
            IndexDef idx = table.indexes().stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new RequestException(ErrorCode.INDEX_NOT_FOUND,
                    StatementError.at(d.index_name(), "Index does not exist: " + name).getMessage()));
            return json ? SchemaJson.write(SchemaJson.index(idx)) : indexText(idx);
        }
        Map<Integer, String> regionNames = new HashMap<>();
        txn.regions().forEach(r -> regionNames.put(r.id(), r.name()));
        List<String> children = SchemaJson.childNames(table, txn.tables());
        TableDescription text = new TableDescription(table, children, regionNames);
        if (d.schema_path_list() == null) {
            return json ? SchemaJson.write(SchemaJson.toNode(table, children, regionNames)) : text.text();
        }
        List<FieldDef> fields = new ArrayList<>();
        for (Schema_pathContext p : d.schema_path_list().schema_path()) {
            fields.add(field(p));
        }
        if (!json) {
            return text.text(fields);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("fields");
        fields.forEach(f -> list.add(SchemaJson.field(f)));
        return SchemaJson.write(o);
    }

    /** A column, or a field nested in records (through arrays and maps), that DESCRIBE TABLE t(a.b) names. */
    private FieldDef field(Schema_pathContext p) {
        List<FieldDef> fields = table.fields();
        FieldDef found = null;
        for (String step : p.getText().split("\\.")) {
            String name = step.replace("[]", "");
            found = fields.stream().filter(f -> f.nameIs(name)).findFirst().orElseThrow(() ->
                RequestException.illegalArgument("No such field in table " + table.name() + ": " + p.getText()));
            FieldType type = found.type();
            while (type.element() != null) {
                type = type.element();
            }
            fields = type.fields();
        }
        return found;
    }

    private String indexText(IndexDef idx) {
        TextGrid grid = new TextGrid("table", "name", "type", "multiKey", "fields", "declaredType", "description");
        grid.row(table.name(), idx.name(), "SECONDARY", idx.isMultiKey() ? "Y" : "N",
            idx.fields().stream().map(IndexDef.Field::path).toList(),
            idx.fields().stream().map(f -> f.type() == null ? "" : f.type()).toList(), "");
        return grid.render();
    }
}
