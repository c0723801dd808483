package io.mrtck.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.ListTablesRequest;

/**
 * The tables of a region that are the user's: a real store also lists its system tables
 * ({@code SYS$…}, e.g. {@code SYS$MRTableAgentStat}) and each XRegion agent's checkpoint
 * tables ({@code RegionAgentCkpt_from_CO_to_FR_1_0}). Whatever in the kit lists a region's
 * tables (readiness, clean-up, reports, comparisons) goes through this one filter.
 */
public final class UserTables {
    private static final String SYSTEM_PREFIX = "sys$";
    private static final String AGENT_CHECKPOINT_PREFIX = "regionagentckpt_";

    private UserTables() {
    }

    /**
     * False for system tables and agent checkpoint tables, with or without a namespace
     * ({@code ns:name}); table names are case-insensitive.
     */
    public static boolean isUserTable(String name) {
        String bare = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        return !bare.startsWith(SYSTEM_PREFIX) && !bare.startsWith(AGENT_CHECKPOINT_PREFIX);
    }

    /** The user tables among {@code names}, in their order. */
    public static List<String> of(String... names) {
        return Arrays.stream(names).filter(UserTables::isUserTable).toList();
    }

    /** The user tables {@code listTables} shows through {@code handle} (all of them, in every namespace). */
    public static List<String> listed(NoSQLHandle handle) {
        return of(handle.listTables(new ListTablesRequest()).getTables());
    }
}
