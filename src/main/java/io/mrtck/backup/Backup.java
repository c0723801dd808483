package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.mrtck.backup.freshest.FreshestRegion;
import io.mrtck.client.RegionClients;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;

/**
 * {@code mrtck backup}: the workshop's backup procedure. Picks the freshest region from the agent
 * statistics, then exports the table and its child tables from it into an empty directory: their
 * DDL, their rows with expiration times and counter values, and a manifest (source region and
 * store, time, row counts, checksums, fingerprints). A backup that fails leaves nothing behind.
 */
public final class Backup {
    private final Topology topology;
    private final RegionClients clients;
    private final PrintStream out;
    private final int requestTimeoutMs;

    public Backup(Topology topology, RegionClients clients, PrintStream out, int requestTimeoutMs) {
        this.topology = topology;
        this.clients = clients;
        this.out = out;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** From the freshest region. */
    public BackupManifest run(String table, Path dir, ExportFormat format) throws IOException {
        FreshestRegion.Choice choice = new FreshestRegion(topology, clients).choose(table);
        out.print(choice.table());
        return runFrom(choice.required(), table, dir, format);
    }

    /** From the region named. */
    public BackupManifest runFrom(String regionName, String table, Path dir, ExportFormat format) throws IOException {
        Region region = topology.region(regionName);
        List<String> regions = topology.regions().stream().map(Region::name).toList();
        BackupManifest m = PackageExport.run(clients.handle(region.name()), table, format, dir,
            new PackageExport.Origin("mrtck backup", region.name(), region.storeName(), regions), requestTimeoutMs, out);
        out.println("backup of " + table + " (" + m.rowCount() + " rows in " + m.tables().size() + " table(s)) from region "
            + region.name() + " in " + dir);
        return m;
    }
}
