package io.mrtck.backup;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long export or import: rows, rows/s, bytes and, when the total is known, the ETA.
 * On a terminal a live bar redrawn in place; otherwise (CI logs, files) a plain line every few
 * seconds. Ends with one summary line.
 */
public final class Progress {
    private static final long LIVE_EVERY_NS = 200_000_000L;
    private static final long PLAIN_EVERY_NS = 5_000_000_000L;
    private static final int BAR = 30;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final boolean live;
    private final long start = System.nanoTime();
    private long rows;
    private long bytes;
    private long lastPrint = start;

    /** @param total rows expected, or -1 when unknown */
    public Progress(String what, long total, PrintStream out, boolean live) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.live = live;
    }

    /** Live on a terminal, plain lines when output goes to a file or a CI log. */
    public static Progress on(String what, long total, PrintStream out) {
        return new Progress(what, total, out, System.console() != null && System.getenv("CI") == null);
    }

    public void advance(long moreRows, long moreBytes) {
        rows += moreRows;
        bytes += moreBytes;
        long now = System.nanoTime();
        if (now - lastPrint >= (live ? LIVE_EVERY_NS : PLAIN_EVERY_NS)) {
            lastPrint = now;
            print(now);
        }
    }

    public long rows() {
        return rows;
    }

    /** The summary line; the rate figures use the whole run. */
    public String done() {
        String line = what + ": " + figures(System.nanoTime());
        out.print(live ? "\r" + line + "\n" : line + "\n");
        out.flush();
        return line;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void print(long now) {
        String figures = figures(now);
        if (live) {
            out.print("\r" + bar() + " " + what + " " + figures);
        } else {
            out.println(what + ": " + figures);
        }
        out.flush();
    }

    private String figures(long now) {
        double s = Math.max((now - start) / 1e9, 1e-9);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d rows", rows));
        if (total >= 0) {
            b.append(" of ").append(total);
        }
        b.append(String.format(Locale.ROOT, " in %.1f s (%.0f rows/s", s, rows / s));
        if (bytes > 0) {
            b.append(String.format(Locale.ROOT, ", %.2f MB/s", bytes / 1e6 / s));
        }
        b.append(')');
        if (total > rows && rows > 0) {
            b.append(String.format(Locale.ROOT, ", ETA %.0f s", (total - rows) / (rows / s)));
        }
        return b.toString();
    }

    private String bar() {
        if (total <= 0) {
            return "[" + "?".repeat(BAR) + "]";
        }
        int filled = (int) Math.min(BAR, rows * BAR / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "]";
    }
}
