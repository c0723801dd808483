package io.mrtck.backup.freshest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.TableDefinition;
import io.mrtck.backup.ToolDefects;
import io.mrtck.client.RegionClients;
import io.mrtck.reference.Mutant;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;

/**
 * The workshop's choice of the region to back up from, automated: every region's agent
 * statistics ({@code show mrtable-agent-statistics -agent 0 -json}, through the topology's admin
 * access), and the region whose {@code laggingMs.max} is smallest — the most up to date (a silent
 * stream counts as its silence, see {@link RegionLag}). Regions without statistics, with
 * statistics older than two intervals or without the table are left out, with the reason; equal
 * lags are a tie, said as such.
 */
public final class FreshestRegion {
    static final String COMMAND = "show mrtable-agent-statistics -agent 0 -json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topology topology;
    private final RegionClients clients;

    public FreshestRegion(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    /** Reads every region's statistics and chooses; {@link Choice#region()} is null when no region can be judged. */
    public Choice choose(String table) {
        List<RegionLag> lags = new ArrayList<>();
        for (Region r : topology.regions()) {
            lags.add(read(r, table));
        }
        Comparator<RegionLag> fresher = Comparator.comparingLong(RegionLag::effectiveLag);
        if (ToolDefects.on(Mutant.FRESHEST_PICKS_MOST_LAGGING)) {
            fresher = fresher.reversed(); // the defect
        }
        List<RegionLag> usable = lags.stream().filter(RegionLag::usable).sorted(fresher).toList();
        if (usable.isEmpty()) {
            return new Choice(null, lags, "no region can be judged: " + String.join("; ",
                lags.stream().map(l -> l.region() + ": " + l.problem()).toList()));
        }
        RegionLag best = usable.get(0);
        List<String> tied = usable.stream().filter(l -> l.effectiveLag() == best.effectiveLag()).map(RegionLag::region).toList();
        String why = tied.size() > 1
            ? "tied: " + tied + " are all " + best.effectiveLag() + " ms behind, as fresh as the statistics can tell; "
                + best.region() + " is the first of them in the topology"
            : best.region() + " is the least behind (" + best.effectiveLag() + " ms; the smallest laggingMs.max"
                + (best.silentStreams().isEmpty() ? "" : " or silence") + ")";
        return new Choice(best.region(), lags, why);
    }

    private RegionLag read(Region r, String table) {
        try {
            TableDefinition.read(clients.handle(r.name()), table, "region " + r.name());
        } catch (BackupException e) {
            return RegionLag.unusable(r.name(), "no table " + table);
        }
        String out;
        try {
            out = r.admin().execute(COMMAND);
        } catch (AdminCommandException e) {
            return RegionLag.unusable(r.name(), "cannot read its statistics: " + e.getMessage());
        }
        int start = out.indexOf('{');
        JsonNode entry;
        try {
            entry = start < 0 ? null : JSON.readTree(out.substring(start)).path("returnValue").path("0");
        } catch (JsonProcessingException e) {
            return RegionLag.unusable(r.name(), "its statistics are not JSON: " + e.getOriginalMessage());
        }
        if (entry == null || entry.isMissingNode()) {
            return RegionLag.unusable(r.name(), "no statistics from agent 0 yet");
        }
        return RegionLag.of(r.name(), entry, System.currentTimeMillis());
    }

    /** The choice: the region (null when none is usable), every region's lag, and why. */
    public record Choice(String region, List<RegionLag> lags, String why) {

        /** The region, or a {@link BackupException} saying why there is none. */
        public String required() {
            if (region == null) {
                throw new BackupException("no region to back up from: " + why);
            }
            return region;
        }

        /** A table of regions: max/avg/p95 lag, the age of the oldest lastMessageMs, and the verdict. */
        public String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s %10s %10s %10s %16s  %s%n", "region",
                "lag max ms", "avg ms", "p95 ms", "lastMessage age", "statistics"));
            for (RegionLag l : lags) {
                if (l.endMs() == 0) {
                    b.append(String.format(Locale.ROOT, "%-8s %10s %10s %10s %16s  %s%n", l.region(), "-", "-", "-", "-", l.remark()));
                } else {
                    b.append(String.format(Locale.ROOT, "%-8s %10d %10d %10d %16s  %s%n", l.region(), l.laggingMax(),
                        l.laggingAvg(), l.laggingP95(), RegionLag.seconds(l.lastMessageAgeMs()),
                        l.remark()));
                }
            }
            return b.append(region == null ? "freshest: none (" + why + ")" : "freshest: " + region + " (" + why + ")")
                .append(System.lineSeparator()).toString();
        }
    }
}
