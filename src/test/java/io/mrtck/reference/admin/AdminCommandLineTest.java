package io.mrtck.reference.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AdminCommandLineTest {

    @Test
    void executeTakesTheQuotedStatementWhole() {
        AdminCommandLine l = AdminCommandLine.parse("execute 'CREATE TABLE t(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR'");
        assertThat(l.command()).isEqualTo("execute");
        assertThat(l.statement()).isEqualTo("CREATE TABLE t(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR");
    }

    @Test
    void executeAcceptsAStatementWhoseQuotesTheShellStripped() {
        assertThat(AdminCommandLine.parse("EXECUTE SHOW REGIONS;").statement()).isEqualTo("SHOW REGIONS");
        assertThat(AdminCommandLine.parse("execute \"SET LOCAL REGION FR\"").statement()).isEqualTo("SET LOCAL REGION FR");
    }

    @Test
    void executeWithoutAStatementIsRefused() {
        assertThatThrownBy(() -> AdminCommandLine.parse("execute ''")).isInstanceOf(AdminException.class)
            .hasMessageContaining("execute needs a statement");
    }

    @Test
    void commandWordsAndOptionsAreSplit() {
        AdminCommandLine l = AdminCommandLine.parse("  show   mrtable-agent-statistics -agent 0 -table 'My Table' -json ");
        assertThat(l.command()).isEqualTo("show mrtable-agent-statistics");
        assertThat(l.options()).containsExactly("-agent", "0", "-table", "My Table", "-json");
    }

    @Test
    void statisticsOptionsAreParsedAndCheckedByName() {
        AdminCommands.StatisticsQuery q = AdminCommands.StatisticsQuery.of(List.of("-json", "-table", "users", "-agent", "0"));
        assertThat(q).isEqualTo(new AdminCommands.StatisticsQuery("0", "users", true));
        assertThatThrownBy(() -> AdminCommands.StatisticsQuery.of(List.of("-agent")))
            .isInstanceOf(AdminException.class).hasMessageContaining("-agent needs a value");
        assertThatThrownBy(() -> AdminCommands.StatisticsQuery.of(List.of("-verbose")))
            .isInstanceOf(AdminException.class).hasMessageContaining("Unknown option -verbose");
    }

    @Test
    void emptyLinesAndUnbalancedQuotesAreRefused() {
        assertThatThrownBy(() -> AdminCommandLine.parse("   ")).isInstanceOf(AdminException.class).hasMessage("empty command line");
        assertThatThrownBy(() -> AdminCommandLine.parse("show tables 'x")).isInstanceOf(AdminException.class)
            .hasMessageContaining("unbalanced quote");
    }

    @Test
    void agentNumbersSelectAgentIds() {
        assertThat(AgentStatisticsReport.matches("XRegionService-1_0", "0")).isTrue();
        assertThat(AgentStatisticsReport.matches("XRegionService-1_0", "XRegionService-1_0")).isTrue();
        assertThat(AgentStatisticsReport.matches("XRegionService-2_1", "0")).isFalse();
    }
}
