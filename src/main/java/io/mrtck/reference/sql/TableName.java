package io.mrtck.reference.sql;

import io.mrtck.reference.sql.SqlParser.NameContext;
import io.mrtck.reference.sql.SqlParser.TableNameContext;

/** A table reference: optional namespace ({@code ns:t}) and the dotted full name. */
record TableName(String namespace, String name) {

    static TableName of(TableNameContext ctx) {
        StringBuilder full = new StringBuilder();
        String namespace = null;
        int start = 0;
        if (ctx.COLON() != null) {
            namespace = StatementParser.nameText(ctx.name(0));
            start = 1;
        }
        for (int i = start; i < ctx.name().size(); i++) {
            NameContext n = ctx.name(i);
            if (full.length() > 0) {
                full.append('.');
            }
            full.append(StatementParser.nameText(n));
        }
        if (namespace != null && namespace.equalsIgnoreCase("sysdefault")) {
            namespace = null;
        }
        return new TableName(namespace, full.toString());
    }

    String parent() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
