package io.mrtck.reference.sql;

import io.mrtck.reference.sql.SqlParser.StatementContext;

/** The operation a statement is, named as the real engine names it in "Unsupported query operation X". */
final class StatementKind {

    private StatementKind() {
    }

    static String of(StatementContext ctx) {
        if (ctx.query() != null) return "SELECT";
        if (ctx.insert_statement() != null) return "INSERT";
        if (ctx.update_statement() != null) return "UPDATE";
        if (ctx.delete_statement() != null) return "DELETE";
        if (ctx.create_region_statement() != null) return "CREATE_REGION";
        if (ctx.drop_region_statement() != null) return "DROP_REGION";
        if (ctx.set_local_region_statement() != null) return "SET_LOCAL_REGION";
        if (ctx.create_namespace_statement() != null) return "CREATE_NAMESPACE";
        if (ctx.drop_namespace_statement() != null) return "DROP_NAMESPACE";
        if (ctx.describe_statement() != null) return "DESCRIBE";
        if (ctx.show_statement() != null) return "SHOW";
        if (ctx.create_user_statement() != null) return "CREATE_USER";
        if (ctx.alter_user_statement() != null) return "ALTER_USER";
        if (ctx.drop_user_statement() != null) return "DROP_USER";
        if (ctx.create_role_statement() != null) return "CREATE_ROLE";
        if (ctx.drop_role_statement() != null) return "DROP_ROLE";
        if (ctx.grant_statement() != null) return "GRANT";
        if (ctx.revoke_statement() != null) return "REVOKE";
        return "UNKNOWN";
    }
}
