package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/** FR and CO in this JVM with their agents: a write in either region reaches the other. */
class TwoRegionAgentTest {
    /** A bound only: in-JVM replication takes milliseconds, a busy machine may stall it for seconds. */
    private static final Duration REPLICATION = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private ReferenceRegion fr;
    private ReferenceRegion co;
    private NoSQLHandle frHandle;
    private NoSQLHandle coHandle;
    private XRegionAgent frAgent;
    private XRegionAgent coAgent;

    @BeforeEach
    void start() {
        fr = ReferenceRegion.start(RegionOptions.of(dir.resolve("fr")).withName("FR"));
        co = ReferenceRegion.start(RegionOptions.of(dir.resolve("co")).withName("CO"));
        frHandle = handle(fr);
        coHandle = handle(co);
        frHandle.doSystemRequest("SET LOCAL REGION FR", 10_000, 100);
        frHandle.doSystemRequest("CREATE REGION CO", 10_000, 100);
        coHandle.doSystemRequest("SET LOCAL REGION CO", 10_000, 100);
        coHandle.doSystemRequest("CREATE REGION FR", 10_000, 100);
        InJvmConnector connector = new InJvmConnector(Map.of("OUGFR", fr.store(), "OUGCO", co.store())::get,
            Clock.systemUTC(), Set.of(), Function.identity());
        frAgent = new XRegionAgent(config("FR", "OUGFR", "CO", "OUGCO"), connector, Clock.systemUTC(), Set.of());
        coAgent = new XRegionAgent(config("CO", "OUGCO", "FR", "OUGFR"), connector, Clock.systemUTC(), Set.of());
        frAgent.start();
        coAgent.start();
    }

    @AfterEach
    void stop() {
        frAgent.close();
        coAgent.close();
        frHandle.close();
        coHandle.close();
        fr.close();
        co.close();
    }

    private static AgentConfig config(String region, String store, String remote, String remoteStore) {
        return AgentConfig.parse("{\"path\":\"/tmp\",\"agentGroupSize\":1,\"agentId\":0,\"region\":\"" + region
            + "\",\"store\":\"" + store + "\",\"helpers\":[\"localhost:5000\"],\"regions\":[{\"name\":\"" + remote
            + "\",\"store\":\"" + remoteStore + "\",\"helpers\":[\"localhost:6000\"]}],\"statsIntervalSecs\":1}", "test");
    }

    private static NoSQLHandle handle(ReferenceRegion r) {
        NoSQLHandleConfig c = new NoSQLHandleConfig(r.endpoint());
        c.setAuthorizationProvider(new StoreAccessTokenProvider());
        return NoSQLHandleFactory.createNoSQLHandle(c);
    }

    private static List<MapValue> query(NoSQLHandle h, String sql) {
        try (QueryRequest q = new QueryRequest().setStatement(sql)) {
            return h.query(q).getResults();
        }
    }

    @Test
    void writesFlowBothWaysWithTheSameModificationTime() {
        String ddl = "CREATE TABLE Users(uid INTEGER, person JSON, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(uid)) IN REGIONS CO, FR";
        frHandle.doTableRequest(new TableRequest().setStatement(ddl), 10_000, 100);
        coHandle.doTableRequest(new TableRequest().setStatement(ddl), 10_000, 100);
        query(frHandle, "insert into users values(1,{\"firstName\":\"jack\",\"location\":\"FR\"}, DEFAULT)");
        query(coHandle, "insert into users values(2,{\"firstName\":\"foo\",\"location\":null}, DEFAULT)");

        GetRequest one = new GetRequest().setTableName("users").setKey(new MapValue().put("uid", 1));
        await("row 1 in CO").atMost(REPLICATION).until(() -> coHandle.get(one).getValue() != null);
        GetResult inFr = frHandle.get(one);
        GetResult inCo = coHandle.get(one);
        assertThat((Object) inCo.getValue()).isEqualTo(inFr.getValue());
        assertThat(inCo.getModificationTime()).isEqualTo(inFr.getModificationTime());
        await("row 2 in FR").atMost(REPLICATION).until(() ->
            frHandle.get(new GetRequest().setTableName("users").setKey(new MapValue().put("uid", 2))).getValue() != null);

        frAgent.pause();
        coAgent.pause();
        query(frHandle, "update users u set u.cnt = u.cnt + 10 where uid = 1");
        query(coHandle, "update users u set u.cnt = u.cnt - 4 where uid = 1");
        frAgent.resume();
        coAgent.resume();
        await("counter 6 in both").atMost(REPLICATION).untilAsserted(() ->
            assertThat(List.of(frHandle.get(one).getValue().getInt("cnt"), coHandle.get(one).getValue().getInt("cnt")))
                .as("cnt in FR, CO").containsExactly(6, 6));
    }
}
