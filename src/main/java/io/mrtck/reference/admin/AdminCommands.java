package io.mrtck.reference.admin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.SqlEngine;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.RegionStore;

/**
 * The subset of the admin CLI ({@code runadmin -store S}) that the kit uses, on one
 * reference region. Command lines and output follow the real admin: {@code execute
 * '<statement>'}, {@code show mrtable-agent-statistics [-agent id] [-table name] [-json]},
 * {@code show tables [-json]}, {@code ping}. Every refusal is an {@link AdminException}
 * whose message says what was wrong.
 */
public final class AdminCommands {
    static final String SUPPORTED = "execute '<statement>', show mrtable-agent-statistics [-agent <id>] "
        + "[-table <name>] [-json], show tables [-json], ping, and a 1x1 deployment (configure -name, plan deploy-zone|"
        + "deploy-sn|deploy-admin|deploy-topology, pool create|join, topology create, show topology)";
    private static final Pattern TABLE_DDL = Pattern.compile(
        "(?is)^\\s*(CREATE|DROP|ALTER)\\s+(FULLTEXT\\s+)?(TABLE|INDEX)\\b.*");

    private final RegionStore store;
    private final SqlEngine sql;
    private final StoreDeployment deployment;
    private final String regionName;

    /**
     * @param storeName  the store name to report (e.g. OUGFR); may be null
     * @param regionName the region's display name, used until a local region is set; may be null
     */
    public AdminCommands(RegionStore store, SqlEngine sql, String storeName, String regionName) {
        this(store, sql, new StoreDeployment(storeName, null), regionName);
    }

    /** @param deployment the store's deployment state (configure -name, plan ..., show topology) */
    public AdminCommands(RegionStore store, SqlEngine sql, StoreDeployment deployment, String regionName) {
        this.store = store;
        this.sql = sql;
        this.deployment = deployment;
        this.regionName = regionName;
    }

    /** The store name as configured (null before {@code configure -name}). */
    public String storeName() {
        return deployment.storeName();
    }

    /** Runs one command line and returns what the admin prints. */
    public String execute(String commandLine) {
        AdminCommandLine line = AdminCommandLine.parse(commandLine);
        String command = line.command();
        switch (command) {
            case "execute":
                return executeStatement(line.statement());
            case "show mrtable-agent-statistics":
                return new AgentStatisticsReport(store).render(StatisticsQuery.of(line.options()));
            case "show tables":
                return executeStatement(jsonOption(line, "show tables") ? "SHOW AS JSON TABLES" : "SHOW TABLES");
            case "show regions":
                // The real CLI has no such command; regions are shown by a DDL statement.
                throw new AdminException("show regions is not an admin command; use execute 'SHOW REGIONS'");
            case "ping":
                return ping();
            default:
                if (StoreDeployment.handles(command)) {
                    return deployment.execute(command, line.options());
                }
                throw new AdminException("Unknown command: " + (command.isEmpty() ? line.words().get(0) : command)
                    + ". Supported commands: " + SUPPORTED);
        }
    }

    private static boolean jsonOption(AdminCommandLine line, String command) {
        boolean json = false;
        for (String o : line.options()) {
            if (o.equalsIgnoreCase("-json")) {
                json = true;
            } else {
                throw new AdminException("Unknown option " + o + " for " + command + "; options: -json");
            }
        }
        return json;
    }

    private String executeStatement(String statement) {
        try {
            if (TABLE_DDL.matcher(statement).matches()) {
                sql.executeTableDdl(statement);
                return "Statement completed successfully";
            }
            String result = sql.executeSystem(statement);
            return result == null ? "Statement completed successfully" : result;
        } catch (RequestException | IllegalStateException e) {
            throw new AdminException("Error handling command execute '" + statement + "': " + e.getMessage());
        }
    }

    private String ping() {
        String storeName = deployment.storeName();
        String local;
        try {
            local = store.read(txn -> txn.regions().stream().filter(RegionInfo::local).map(RegionInfo::name)
                .findFirst().orElse(null));
        } catch (IllegalStateException e) {
            throw new AdminException("Store " + storeName + " is not running: " + e.getMessage());
        }
        String region = local != null ? local : regionName != null ? regionName + " (local region not set)" : "(not set)";
        return "Pinging store " + (storeName == null ? "(unnamed)" : storeName) + "\n"
            + "Local region: " + region + "\n"
            + "Store " + (storeName == null ? "" : storeName + " ") + "status: RUNNING";
    }

    /** The options of {@code show mrtable-agent-statistics}. */
    record StatisticsQuery(String agent, String table, boolean json) {

        static StatisticsQuery of(List<String> options) {
            String agent = null;
            String table = null;
            boolean json = false;
            for (int i = 0; i < options.size(); i++) {
                String o = options.get(i).toLowerCase(Locale.ROOT);
                switch (o) {
                    case "-json" -> json = true;
                    case "-agent" -> agent = value(options, ++i, "-agent", "<id>");
                    case "-table" -> table = value(options, ++i, "-table", "<name>");
                    default -> throw new AdminException("Unknown option " + options.get(i)
                        + " for show mrtable-agent-statistics; options: -agent <id>, -table <name>, -json");
                }
            }
            return new StatisticsQuery(agent, table, json);
        }

        private static String value(List<String> options, int i, String option, String what) {
            if (i >= options.size() || options.get(i).startsWith("-")) {
                throw new AdminException("Option " + option + " needs a value: " + option + " " + what);
            }
            return options.get(i);
        }
    }
}
