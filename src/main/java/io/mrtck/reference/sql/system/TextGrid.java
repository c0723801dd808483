package io.mrtck.reference.sql.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A result laid out as the real engine's column mode draws it: a border of {@code +---+}, the
 * headers centred, every row followed by a border; text left-aligned, numbers right-aligned; a
 * cell holding several values shows one per line. Each column is as wide as its widest header or
 * value. Every line starts with one space and ends with a newline.
 */
final class TextGrid {
    private final List<String> headers;
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<List<String>>> rows = new ArrayList<>();

    /** {@code headers} in order; a header ending in {@code #} marks a numeric (right-aligned) column. */
    TextGrid(String... headers) {
        this.headers = new ArrayList<>();
        for (String h : headers) {
            boolean number = h.endsWith("#");
            this.headers.add(number ? h.substring(0, h.length() - 1) : h);
            numeric.add(number);
        }
    }

    /** One row; each cell is a String, an int, or a List of Strings (one per line). */
    TextGrid row(Object... cells) {
        List<List<String>> row = new ArrayList<>();
        for (Object c : cells) {
            if (c instanceof List<?> l) {
                row.add(l.stream().map(String::valueOf).toList());
            } else {
                row.add(List.of(String.valueOf(c)));
            }
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (List<List<String>> row : rows) {
                for (String line : row.get(c)) {
                    width[c] = Math.max(width[c], line.length());
                }
            }
        }
        StringBuilder border = new StringBuilder(" +");
        for (int w : width) {
            border.append("-".repeat(w + 2)).append('+');
        }
        border.append('\n');
        StringBuilder out = new StringBuilder(border);
        out.append(" |");
        for (int c = 0; c < width.length; c++) {
            String h = headers.get(c);
            int left = (width[c] - h.length()) / 2;
            out.append(' ').append(" ".repeat(left)).append(h).append(" ".repeat(width[c] - h.length() - left))
                .append(" |");
        }
        out.append('\n').append(border);
        for (List<List<String>> row : rows) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int line = 0; line < Math.max(1, height); line++) {
                out.append(" |");
                for (int c = 0; c < width.length; c++) {
                    List<String> cell = row.get(c);
                    String v = line < cell.size() ? cell.get(line) : "";
                    String pad = " ".repeat(width[c] - v.length());
                    out.append(' ').append(numeric.get(c) ? pad + v : v + pad).append(" |");
                }
                out.append('\n');
            }
            out.append(border);
        }
        return out.toString();
    }
}
