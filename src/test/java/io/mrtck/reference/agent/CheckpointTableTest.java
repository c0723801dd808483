package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.RegionStore;

/** The agent's checkpoint table: created by FR's agent in CO, the region its stream reads. */
class CheckpointTableTest {
    private static final String FROM_CO_TO_FR = "RegionAgentCkpt_from_CO_to_FR_1_0";

    @TempDir
    Path dir;
    private ReferenceRegion fr;
    private ReferenceRegion co;
    /** CO's store as the agent finds it; null = CO is down. */
    private final AtomicReference<RegionStore> coAsSeen = new AtomicReference<>();
    private XRegionAgent agent;

    @BeforeEach
    void start() {
        fr = ReferenceRegion.start(RegionOptions.of(dir.resolve("fr")).withName("FR"));
        co = ReferenceRegion.start(RegionOptions.of(dir.resolve("co")).withName("CO"));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        fr.close();
        co.close();
    }

    private XRegionAgent startAgent() {
        InJvmConnector connector = new InJvmConnector(store -> store.equals("OUGFR") ? fr.store() : coAsSeen.get(),
            Clock.systemUTC(), Set.of(), Function.identity());
        XRegionAgent a = new XRegionAgent(AgentConfig.parse("{\"path\":\"" + dir + "\",\"agentGroupSize\":1,\"agentId\":0,"
            + "\"region\":\"FR\",\"store\":\"OUGFR\",\"helpers\":[\"localhost:5000\"],\"regions\":[{\"name\":\"CO\","
            + "\"store\":\"OUGCO\",\"helpers\":[\"localhost:6000\"]}]}", "test"), connector, Clock.systemUTC(), Set.of());
        a.start();
        return a;
    }

    private static List<String> tables(ReferenceRegion r) {
        return r.store().read(txn -> txn.tables().stream().map(TableSchema::name).toList());
    }

    @Test
    void theStreamFromCoHasItsCheckpointTableInCoWithTheRealSchema() {
        coAsSeen.set(co.store());
        agent = startAgent();
        await("FR's agent creates " + FROM_CO_TO_FR + " in CO").atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(tables(co)).as("CO's tables").contains(FROM_CO_TO_FR));
        assertThat(tables(fr)).as("FR's tables (no agent streams from FR)").isEmpty();

        TableSchema t = co.store().read(txn -> txn.table(FROM_CO_TO_FR)).orElseThrow();
        assertThat(t.fields().stream().map(f -> f.name() + " " + f.type().code()).toList())
            .containsExactly("subscription STRING", "shard_id INTEGER", "vlsn LONG", "timestamp LONG");
        assertThat(t.primaryKey()).containsExactly("subscription", "shard_id");
        assertThat(t.shardKeyCount()).as("shard key: subscription").isEqualTo(1);
        assertThat(t.isMultiRegion()).isFalse();
    }

    @Test
    void aSourceRegionThatIsDownGetsTheTableOnceItAnswersAndARestartedAgentKeepsIt() {
        agent = startAgent(); // CO is down for the agent
        assertThat(agent.isRunning()).isTrue();
        coAsSeen.set(co.store());
        await("the table once CO answers").atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(tables(co)).contains(FROM_CO_TO_FR));

        agent.close();
        agent = startAgent();
        assertThat(agent.isRunning()).as("a second start finds its table and goes on").isTrue();
        assertThat(tables(co)).containsOnlyOnce(FROM_CO_TO_FR);
    }
}
