package io.mrtck.topology.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.topology.Agent;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;

/** {@code agentGroupSize} 2: each region runs two agents, and "the agent" of the SPI acts on both. */
class EmbeddedAgentGroupTest {
    @TempDir
    Path dir;

    @Test
    void eachRegionRunsItsGroupAndTheRegionsAgentActsOnAllOfIt() {
        TopologySpec spec = TopologySpec.workshop().withRoot(dir).withAgentGroupSize(2);
        try (EmbeddedTopology t = EmbeddedTopology.start(spec)) {
            assertThat(t.capabilities()).contains(Capability.AGENT_GROUPS);
            Region fr = t.region("FR");
            assertThat(fr.agents()).extracting(Agent::id).containsExactly("XRegionService-2_0", "XRegionService-2_1");
            assertThat(dir.resolve("fr/xrs/json.config")).content().contains("\"agentId\" : 0");
            assertThat(dir.resolve("fr/xrs/json.1.config")).content().contains("\"agentId\" : 1");

            fr.agent().kill();
            assertThat(fr.agents()).noneMatch(Agent::isRunning);
            fr.agent().restart();
            assertThat(fr.agents()).allMatch(Agent::isRunning);
            assertThat(t.region("CO").agents()).allMatch(Agent::isRunning);
        }
    }

    @Test
    void aGroupNeedsOneAgentAtLeastAndTheOneShardTargetsRefuseSeveral() {
        assertThatThrownBy(() -> TopologySpec.workshop().withAgentGroupSize(0))
            .hasMessageContaining("agentGroupSize must be at least 1");
        TopologySpec.workshop().requireOneAgentPerRegion("process");
        assertThatThrownBy(() -> TopologySpec.workshop().withAgentGroupSize(2).requireOneAgentPerRegion("process"))
            .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("one XRegion agent per region");
    }
}
