package io.mrtck.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTablesTest {

    @Test
    void systemAndAgentCheckpointTablesAreNotTheUsers() {
        // what a real 25.3 store lists next to the user's tables
        assertThat(UserTables.of("SYS$IndexStatsLease", "SYS$MRTableAgentStat", "SYS$MRTableInitCheckpoint",
            "SYS$PartitionStatsLease", "SYS$SGAttributesTable", "SYS$StreamRequest", "SYS$StreamResponse",
            "SYS$TableStatsIndex", "SYS$TableStatsPartition", "RegionAgentCkpt_from_CO_to_FR_1_0",
            "users", "Users.Orders", "Sales:Orders")).containsExactly("users", "Users.Orders", "Sales:Orders");
    }

    @Test
    void namesAreComparedAsTheStoreDoesCaseInsensitiveAndWithoutNamespace() {
        assertThat(UserTables.isUserTable("sys$mrtableagentstat")).isFalse();
        assertThat(UserTables.isUserTable("REGIONAGENTCKPT_FROM_FR_TO_CO_1_0")).isFalse();
        assertThat(UserTables.isUserTable("sysdefault:RegionAgentCkpt_from_FR_to_CO_1_0")).isFalse();
        assertThat(UserTables.isUserTable("SYSTEM_users")).as("only the SYS$ prefix").isTrue();
        assertThat(UserTables.isUserTable("RegionAgentCkptNotes")).as("only the agent's own name shape").isTrue();
    }
}
