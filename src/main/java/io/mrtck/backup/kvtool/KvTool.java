package io.mrtck.backup.kvtool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.BackupManifest;
import io.mrtck.backup.ExportFormat;
import io.mrtck.backup.ExportPackage;
import io.mrtck.backup.ImportCounts;
import io.mrtck.backup.PackageExport;
import io.mrtck.backup.PackageImport;
import io.mrtck.backup.RelativeDate;
import io.mrtck.backup.StoreLocator;
import io.mrtck.client.RegionClients;
import oracle.nosql.driver.NoSQLHandle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar $KVHOME/lib/kvtool.jar export|import …} of the reference KVHOME: the workshop's
 * binary export and import (the real utility left Oracle NoSQL in 22.2), re-made on the kit's
 * export package. It reaches the store through its SDK endpoint only (see {@link StoreLocator}).
 * Exit code 0 on success, 1 with one line on stderr naming the problem otherwise.
 */
@Command(name = "kvtool.jar", mixinStandardHelpOptions = true, version = "mrtck kvtool 0.1.0",
    description = "Export a table to an export package, or import one (the kit's binary or the Migrator's JSON rows).",
    subcommands = {KvTool.Export.class, KvTool.Import.class})
public final class KvTool implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs one command line, its output on {@code out}; the exit code. */
    public static int run(PrintStream out, String... args) {
        CommandLine cl = new CommandLine(new KvTool(out));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    private final PrintStream out;

    private KvTool(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: export or import");
    }

    /** The options both commands share: which table of which store, and how to reach it. */
    static class StoreOptions {
        @Option(names = "-table", required = true, description = "The table (its child tables come with it).")
        String table;
        @Option(names = "-store", required = true, description = "The store name.")
        String store;
        @Option(names = "-helper-hosts", split = ",", description = "host:port of the store; with the reference's KVHOME "
            + "its SDK endpoint.")
        List<String> helperHosts;
        @Option(names = "-endpoint", description = "The kit's extension: the store's SDK endpoint (its HTTP proxy).")
        String endpoint;
        @Option(names = "-config", required = true, description = "The export_config or import_config file.")
        Path config;
        @Option(names = "-format", defaultValue = "BINARY", description = "BINARY (default) or JSON.")
        String format;

        NoSQLHandle open(int requestTimeoutMs) {
            String e = endpoint != null ? endpoint : StoreLocator.helperHosts().endpoint(store, helperHosts);
            return RegionClients.open(e, requestTimeoutMs);
        }
    }

    @Command(name = "export", description = "Export a table (and its child tables) into the export package the config names.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store;
        @CommandLine.ParentCommand
        KvTool tool;

        @Override
        public Integer call() throws Exception {
            ToolConfig c = ToolConfig.read(store.config, Set.of("export-type", "export-package-path", "request-timeout-ms"));
            c.choice("export-type", "LOCAL", "LOCAL");
            int timeout = c.number("request-timeout-ms", 10_000);
            try (NoSQLHandle h = store.open(timeout)) {
                BackupManifest m = PackageExport.run(h, store.table, ExportFormat.parse(store.format), c.path("export-package-path"),
                    new PackageExport.Origin("mrtck kvtool export", null, store.store, PackageExport.regionsOf(h)), timeout, tool.out);
                tool.out.println("exported " + m.rowCount() + " rows of " + store.table + " to " + c.path("export-package-path"));
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Import the export package the config names; -status makes it resumable.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store;
        @Option(names = "-status", description = "A directory recording the import's progress: run again to resume.")
        Path status;
        @CommandLine.ParentCommand
        KvTool tool;

        @Override
        public Integer call() throws Exception {
            ToolConfig c = ToolConfig.read(store.config, Set.of("import-type", "import-package-path", "ttl", "ttl-relative-date",
                "request-timeout-ms", "overwrite", "chunk-rows", "max-rows-per-second"));
            c.choice("import-type", "LOCAL", "LOCAL");
            Long relativeTo = c.choice("ttl", "ABSOLUTE", "ABSOLUTE", "RELATIVE").equals("RELATIVE")
                ? RelativeDate.parse(c.required("ttl-relative-date"), "ttl-relative-date") : null;
            ExportPackage pkg = ExportPackage.open(c.path("import-package-path"));
            if (pkg.manifest().format() != ExportFormat.parse(store.format)) {
                throw new BackupException("-format " + store.format + ", but the package holds " + pkg.manifest().format() + " rows");
            }
            int timeout = c.number("request-timeout-ms", 10_000);
            PackageImport.Options o = new PackageImport.Options(store.table, Boolean.parseBoolean(c.optional("overwrite", "false")),
                relativeTo, status, c.number("chunk-rows", 1_000), c.number("max-rows-per-second", 0), timeout);
            try (NoSQLHandle h = store.open(timeout)) {
                Map<String, ImportCounts> counts = PackageImport.run(h, pkg, o, tool.out);
                tool.out.println("imported into store " + store.store + ": " + counts);
            }
            return 0;
        }

    }
}
