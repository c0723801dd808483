package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.SqlParser.IdContext;
import io.mrtck.reference.sql.SqlParser.Id_pathContext;
import io.mrtck.reference.sql.SqlParser.Table_idContext;
import io.mrtck.reference.sql.SqlParser.Table_nameContext;

/** A table reference: optional namespace ({@code ns:t}) and the dotted full name. */
public record TableName(String namespace, String name) {
    /** The namespace of tables created without one; naming it is the same as naming none. */
    public static final String DEFAULT_NAMESPACE = "sysdefault";

    public static TableName of(Table_nameContext ctx) {
        List<String> parts = new ArrayList<>();
        for (Table_idContext id : ctx.table_id_path().table_id()) {
            parts.add((id.SYSDOLAR() != null ? id.SYSDOLAR().getText() : "") + id.id().getText());
        }
        String namespace = ctx.namespace() == null ? null : dotted(ctx.namespace().id_path());
        if (namespace != null && namespace.equalsIgnoreCase(DEFAULT_NAMESPACE)) {
            namespace = null;
        }
        return new TableName(namespace, String.join(".", parts));
    }

    public static String dotted(Id_pathContext ctx) {
        List<String> parts = new ArrayList<>();
        for (IdContext id : ctx.id()) {
            parts.add(id.getText());
        }
        return String.join(".", parts);
    }

    public String parent() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
