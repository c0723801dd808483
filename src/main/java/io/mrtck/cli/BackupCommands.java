package io.mrtck.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.mrtck.backup.Backup;
import io.mrtck.backup.ExportFormat;
import io.mrtck.backup.Restore;
import io.mrtck.backup.StoreLocator;
import io.mrtck.backup.freshest.FreshestRegion;
import io.mrtck.backup.migrator.MigratorConfig;
import io.mrtck.backup.migrator.MigratorRun;
import io.mrtck.client.RegionClients;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The backup command lines: {@code freshest}, {@code migrate}, {@code backup}, {@code restore}. */
final class BackupCommands {
    /** Per request; a busy real store answers within seconds. */
    static final int REQUEST_TIMEOUT_MS = 10_000;

    private BackupCommands() {
    }

    @Command(name = "freshest", mixinStandardHelpOptions = true,
        description = "Pick the most up-to-date region of a table from the agents' statistics (smallest laggingMs.max).")
    static final class Freshest implements Callable<Integer> {
        @Option(names = "--table", required = true, description = "The table to back up.")
        String table;
        @CommandLine.Mixin
        TopologyOption topology;

        @Override
        public Integer call() throws Exception {
            try (TopologyOption.Opened o = topology.open(); RegionClients clients = new RegionClients(o.topology())) {
                FreshestRegion.Choice choice = new FreshestRegion(o.topology(), clients).choose(table);
                System.out.print(choice.table());
                return choice.region() == null ? 1 : 0;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Run a NoSQL Database Migrator config (nosqldb <-> JSON file), as runMigrator --config does.")
    static final class Migrate implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "The Migrator config file (JSON).")
        Path config;
        /** With a topology, storeName names its region; without, a store is reached at its first helper host. */
        @CommandLine.Mixin
        TopologyOption topology;

        @Override
        public Integer call() throws Exception {
            MigratorConfig c = MigratorConfig.read(config, System.err);
            if (!topology.given()) {
                new MigratorRun(StoreLocator.helperHosts(), System.out).run(c);
                return 0;
            }
            try (TopologyOption.Opened o = topology.open()) {
                new MigratorRun(StoreLocator.of(o.topology()), System.out).run(c);
            }
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up an MR table (and its child tables) from the freshest region: DDL, rows with their TTLs "
            + "and counters, manifest.")
    static final class BackupCommand implements Callable<Integer> {
        @Option(names = "--table", required = true, description = "The table.")
        String table;
        @Option(names = "--to", required = true, description = "A new or empty directory.")
        Path to;
        @Option(names = "--format", defaultValue = "binary", description = "binary (default) or json (the Migrator's files).")
        String format;
        @Option(names = "--from-region", description = "Back up from this region rather than the freshest.")
        String region;
        @CommandLine.Mixin
        TopologyOption topology;

        @Override
        public Integer call() throws Exception {
            try (TopologyOption.Opened o = topology.open(); RegionClients clients = new RegionClients(o.topology())) {
                Backup b = new Backup(o.topology(), clients, System.out, REQUEST_TIMEOUT_MS);
                if (region == null) {
                    b.run(table, to, ExportFormat.parse(format));
                } else {
                    b.runFrom(region, table, to, ExportFormat.parse(format));
                }
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup: check it, check writes have stopped, recreate the tables in every region, "
            + "import in one, wait for every region, compare.")
    static final class RestoreCommand implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "The backup directory.")
        Path from;
        @Option(names = "--into", description = "The region to import into (default: the backup's source region).")
        String into;
        @Option(names = "--force", description = "Do not check that writes have stopped.")
        boolean force;
        @Option(names = "--quiet-period", defaultValue = "10", description = "Seconds without a write before the restore "
            + "goes on (default ${DEFAULT-VALUE}).")
        double quietSeconds;
        @Option(names = "--timeout", defaultValue = "120", description = "Seconds every region may take to hold the rows "
            + "(default ${DEFAULT-VALUE}).")
        double timeoutSeconds;
        @CommandLine.Mixin
        TopologyOption topology;

        @Override
        public Integer call() throws Exception {
            try (TopologyOption.Opened o = topology.open(); RegionClients clients = new RegionClients(o.topology())) {
                new Restore(o.topology(), clients, System.out, REQUEST_TIMEOUT_MS).run(from, new Restore.Options(into, force,
                    Duration.ofMillis((long) (quietSeconds * 1000)), Duration.ofMillis((long) (timeoutSeconds * 1000))));
            }
            return 0;
        }
    }
}
