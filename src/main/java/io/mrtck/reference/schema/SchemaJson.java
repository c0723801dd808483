package io.mrtck.reference.schema;

/**
 * STUB written by the protocol branch so it compiles on its own: the real renderer is being
 * written on the sql branch (same signature); on merge, that version wins.
 */
public final class SchemaJson {

    private SchemaJson() {
    }

    /** The schema JSON a TableResult carries ({@code ac}). Stub: name and fields only. */
    public static String render(TableSchema table) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"json_version\":1,\"type\":\"table\",\"name\":\"")
            .append(escape(table.name())).append("\",\"fields\":[");
        for (int i = 0; i < table.fields().size(); i++) {
            FieldDef f = table.fields().get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":\"").append(escape(f.name())).append("\",\"type\":\"")
                .append(f.type().code()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
