package io.mrtck.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.history.History;
import io.mrtck.history.Op;

/**
 * A history drawn as an SVG timeline for a person: one lane per region (a row per client
 * process), a lane for faults, x = ms since the first operation on a labelled axis. Each operation
 * is a bar from invocation to completion, coloured by kind and outcome, with its details as a
 * tooltip; faults shade every lane for their duration; QUIESCE is a dashed line; agents' lag
 * (laggingMs.max) from STATS samples is a polyline in a band of its own; the operations of the
 * verdict's violations are outlined in black and marked. Plain string building.
 */
public final class TimelineSvg {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEFT = 110;
    private static final int PLOT_WIDTH = 1400;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int ROW = 12;
    private static final int MAX_ROWS = 8;
    private static final int LANE_GAP = 10;
    private static final int FAULT_LANE = 34;
    private static final int LAG_BAND = 90;
    private static final String[] SERIES = {"#e6550d", "#3182bd", "#31a354", "#756bb1", "#636363"};

    private final List<Op> ops;
    private final Set<Long> flagged = new HashSet<>();
    private final long t0;
    private final double msPerPx;
    private final StringBuilder svg = new StringBuilder();

    private TimelineSvg(List<Op> ops, Verdict verdict) {
        this.ops = ops;
        if (verdict != null) {
            verdict.violations().forEach(v -> flagged.addAll(v.ops()));
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Op op : ops) {
            first = Math.min(first, op.invokeMs());
            last = Math.max(last, Math.max(op.invokeMs(), op.completeMs()));
        }
        this.t0 = ops.isEmpty() ? 0 : first;
        this.msPerPx = Math.max(1, ops.isEmpty() ? 1 : last - first) / (double) PLOT_WIDTH;
    }

    /** The history as SVG, the operations of the verdict's violations (may be null) highlighted. */
    public static String render(History history, Verdict verdict) {
        return render(history.ops(), verdict);
    }

    public static String render(List<Op> ops, Verdict verdict) {
        return new TimelineSvg(ops, verdict).draw();
    }

    private String draw() {
        Map<String, List<String>> lanes = lanes();
        int y = TOP;
        Map<String, Integer> rowY = new LinkedHashMap<>();
        List<int[]> laneBoxes = new ArrayList<>();
        List<String> laneNames = new ArrayList<>();
        for (Map.Entry<String, List<String>> lane : lanes.entrySet()) {
            int rows = Math.min(MAX_ROWS, Math.max(1, lane.getValue().size()));
            for (int i = 0; i < lane.getValue().size(); i++) {
                rowY.put(lane.getKey() + '\u0000' + lane.getValue().get(i), y + (i % rows) * ROW);
            }
            laneBoxes.add(new int[] {y, rows * ROW});
            laneNames.add(lane.getKey());
            y += rows * ROW + LANE_GAP;
        }
        int faultY = y;
        int lagY = faultY + FAULT_LANE + LANE_GAP;
        int axisY = lagY + LAG_BAND + 10;
        int height = axisY + 40;
        int width = LEFT + PLOT_WIDTH + RIGHT;

        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
            .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
            .append("\" font-family=\"sans-serif\" font-size=\"11\">\n")
            .append("<title>History timeline: ").append(ops.size()).append(" operations, ")
            .append(flagged.size()).append(" in violations</title>\n")
            .append("<defs><pattern id=\"info\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#fdae6b\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#e6550d\" stroke-width=\"2\"/></pattern></defs>\n")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        legend();
        for (int i = 0; i < laneBoxes.size(); i++) {
            int[] box = laneBoxes.get(i);
            lane(laneNames.get(i), box[0], box[1], i % 2 == 0 ? "#f7f7f7" : "#ffffff");
        }
        lane("faults", faultY, FAULT_LANE, "#fff5f0");
        lane("lag (ms)", lagY, LAG_BAND, "#f7fbff");
        faults(TOP, faultY);
        quiesces(TOP, lagY + LAG_BAND);
        for (Op op : ops) {
            Integer row = op.region() == null ? null : rowY.get(laneOf(op) + '\u0000' + process(op));
            if (row != null && op.kind() != Op.Kind.FAULT) {
                bar(op, row);
            }
        }
        lag(lagY);
        axis(axisY, TOP);
        return svg.append("</svg>\n").toString();
    }

    /** Region lanes (sorted) with the processes that ran in each, in order of first appearance. */
    private Map<String, List<String>> lanes() {
        Map<String, Set<String>> byRegion = new TreeMap<>();
        for (Op op : ops) {
            if (op.region() != null && op.kind() != Op.Kind.FAULT) {
                byRegion.computeIfAbsent(laneOf(op), r -> new LinkedHashSet<>()).add(process(op));
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        byRegion.forEach((r, p) -> out.put(r, new ArrayList<>(p)));
        return out;
    }

    private static String laneOf(Op op) {
        return op.region().toUpperCase(Locale.ROOT);
    }

    private static String process(Op op) {
        return op.process() == null ? "?" : op.process();
    }

    private void legend() {
        String[][] items = {
            {"#1f77b4", "write (put, update, TTL)"}, {"#9467bd", "delete"}, {"#2ca02c", "increment"},
            {"#969696", "read"}, {"#17becf", "statistics sample"}, {"#d62728", "failed (FAIL)"},
            {"url(#info)", "indeterminate (INFO)"}, {"#fcbba1", "fault"}};
        int x = LEFT;
        svg.append("<g class=\"legend\">\n");
        for (String[] item : items) {
            svg.append("<rect x=\"").append(x).append("\" y=\"14\" width=\"14\" height=\"10\" fill=\"").append(item[0])
                .append("\"/><text x=\"").append(x + 18).append("\" y=\"23\">").append(escape(item[1])).append("</text>\n");
            x += 30 + item[1].length() * 6;
        }
        svg.append("<rect x=\"").append(x).append("\" y=\"14\" width=\"14\" height=\"10\" fill=\"white\" stroke=\"black\" "
            + "stroke-width=\"2\"/><text x=\"").append(x + 18).append("\" y=\"23\">in a violation</text>\n");
        x += 120;
        svg.append("<line x1=\"").append(x).append("\" y1=\"19\" x2=\"").append(x + 16)
            .append("\" y2=\"19\" stroke=\"#555\" stroke-dasharray=\"4 3\"/><text x=\"").append(x + 20)
            .append("\" y=\"23\">quiesce</text>\n</g>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"48\" font-size=\"12\">").append(ops.size())
            .append(" operations; ").append(flagged.size()).append(" of them in violations</text>\n");
    }

    private void lane(String name, int y, int h, String fill) {
        svg.append("<g class=\"lane\"><rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"")
            .append(PLOT_WIDTH).append("\" height=\"").append(h).append("\" fill=\"").append(fill)
            .append("\" stroke=\"#ddd\"/><text class=\"lane-label\" x=\"").append(LEFT - 8).append("\" y=\"")
            .append(y + h / 2 + 4).append("\" text-anchor=\"end\" font-weight=\"bold\">").append(escape(name))
            .append("</text></g>\n");
    }

    private void bar(Op op, int y) {
        double x = x(op.invokeMs());
        double w = Math.max(1.5, x(Math.max(op.invokeMs(), op.completeMs())) - x);
        boolean bad = flagged.contains(op.index());
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 1).append("\" width=\"").append(fmt(w))
            .append("\" height=\"").append(ROW - 2).append("\" fill=\"").append(fill(op)).append('"');
        if (bad) {
            svg.append(" class=\"violation\" stroke=\"black\" stroke-width=\"2\"");
        }
        svg.append("><title>").append(escape(tooltip(op))).append("</title></rect>\n");
        if (bad) {
            svg.append("<path d=\"M").append(fmt(x + w / 2)).append(' ').append(y - 1).append(" l-4 -6 h8 z\" fill=\"#d62728\"/>\n");
        }
    }

    private static String fill(Op op) {
        if (op.outcome() == Op.Outcome.FAIL) {
            return "#d62728";
        }
        if (op.outcome() == Op.Outcome.INFO) {
            return "url(#info)";
        }
        if (op.kind() == Op.Kind.STATS) {
            return "#17becf";
        }
        if (op.kind() == Op.Kind.READ) {
            return "#969696";
        }
        if (op.kind().isDelete()) {
            return "#9467bd";
        }
        return op.kind() == Op.Kind.INCREMENT ? "#2ca02c" : "#1f77b4";
    }

    private static String tooltip(Op op) {
        String where = op.key() == null ? "" : " — " + op.table() + " " + op.key();
        return KeyStory.item(op) + where + " — " + op.invokeMs() + "→" + op.completeMs() + " ms"
            + (op.error() == null ? "" : " — " + op.error());
    }

    private void faults(int top, int faultY) {
        int row = 0;
        for (Op f : ops) {
            if (f.kind() != Op.Kind.FAULT) {
                continue;
            }
            double x = x(f.invokeMs());
            double w = Math.max(2, x(Math.max(f.invokeMs(), f.completeMs())) - x);
            String label = (f.note() == null ? "fault" : f.note()) + (f.region() == null ? "" : " (" + f.region() + ")");
            svg.append("<g class=\"fault\"><rect x=\"").append(fmt(x)).append("\" y=\"").append(top).append("\" width=\"")
                .append(fmt(w)).append("\" height=\"").append(faultY + FAULT_LANE - top)
                .append("\" fill=\"#fcbba1\" fill-opacity=\"0.45\" stroke=\"#fb6a4a\"><title>").append(escape(label))
                .append("</title></rect><text x=\"").append(fmt(x + 2)).append("\" y=\"").append(faultY + 13 + (row++ % 2) * 13)
                .append("\" fill=\"#a50f15\">").append(escape(label)).append("</text></g>\n");
        }
    }

    private void quiesces(int top, int bottom) {
        for (Op q : ops) {
            if (q.kind() == Op.Kind.QUIESCE) {
                double x = x(q.completeMs());
                svg.append("<g class=\"quiesce\"><line x1=\"").append(fmt(x)).append("\" y1=\"").append(top - 4)
                    .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(bottom)
                    .append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/><text x=\"").append(fmt(x + 3)).append("\" y=\"")
                    .append(top - 6).append("\" fill=\"#555\">quiesce #").append(q.index()).append("</text></g>\n");
            }
        }
    }

    /** laggingMs.max of every (local ← remote) agent series, scaled to the band's height. */
    private void lag(int bandY) {
        Map<String, List<double[]>> series = new TreeMap<>();
        double max = 0;
        for (Op s : ops) {
            if (s.kind() != Op.Kind.STATS || s.note() == null) {
                continue;
            }
            JsonNode root;
            try {
                root = JSON.readTree(s.note());
            } catch (JsonProcessingException e) {
                continue;
            }
            for (JsonNode regionStat : root.findValues("regionStat")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = regionStat.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> remote = it.next();
                    JsonNode lag = remote.getValue().path("laggingMs").path("max");
                    if (lag.isNumber()) {
                        series.computeIfAbsent(s.region() + " ← " + remote.getKey(), k -> new ArrayList<>())
                            .add(new double[] {s.completeMs(), lag.asDouble()});
                        max = Math.max(max, lag.asDouble());
                    }
                }
            }
        }
        double top = Math.max(1, max);
        svg.append("<text x=\"").append(LEFT + PLOT_WIDTH + 4).append("\" y=\"").append(bandY + 10).append("\" font-size=\"9\">")
            .append(fmt(top)).append("</text><text x=\"").append(LEFT + PLOT_WIDTH + 4).append("\" y=\"")
            .append(bandY + LAG_BAND).append("\" font-size=\"9\">0</text>\n");
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            String colour = SERIES[i % SERIES.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : e.getValue()) {
                double y = bandY + LAG_BAND - 4 - (LAG_BAND - 8) * Math.max(0, p[1]) / top;
                points.append(points.length() == 0 ? "" : " ").append(fmt(x((long) p[0]))).append(',').append(fmt(y));
            }
            svg.append("<g class=\"lag\"><polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                .append(points).append("\"/><text x=\"").append(LEFT + 6).append("\" y=\"").append(bandY + 12 + 12 * i)
                .append("\" fill=\"").append(colour).append("\">laggingMs.max, agent ").append(escape(e.getKey()))
                .append("</text></g>\n");
            i++;
        }
    }

    /** Ticks every 1, 2 or 5 × 10^k ms, about ten across, labelled as time since the first operation. */
    private void axis(int y, int top) {
        double span = msPerPx * PLOT_WIDTH;
        double step = niceStep(span);
        svg.append("<g class=\"axis\"><line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
            .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(y).append("\" stroke=\"black\"/>\n");
        for (double t = 0; t <= span + 1e-9; t += step) {
            double x = LEFT + t / msPerPx;
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(y).append("\" x2=\"").append(fmt(x))
                .append("\" y2=\"").append(y + 5).append("\" stroke=\"black\"/><line x1=\"").append(fmt(x)).append("\" y1=\"")
                .append(top).append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(y)
                .append("\" stroke=\"#000\" stroke-opacity=\"0.06\"/><text x=\"").append(fmt(x)).append("\" y=\"").append(y + 17)
                .append("\" text-anchor=\"middle\">").append(label(t)).append("</text>\n");
        }
        svg.append("<text x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"").append(y + 33)
            .append("\" text-anchor=\"middle\">time since the first operation (t0 = ").append(t0)
            .append(" ms since the epoch)</text></g>\n");
    }

    static double niceStep(double span) {
        double raw = span / 10;
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * magnitude) {
                return Math.max(1, m * magnitude);
            }
        }
        return 10 * magnitude;
    }

    private static String label(double ms) {
        if (ms >= 1000) {
            return fmt(ms / 1000) + " s";
        }
        return fmt(ms) + " ms";
    }

    private double x(long ms) {
        return LEFT + (ms - t0) / msPerPx;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
