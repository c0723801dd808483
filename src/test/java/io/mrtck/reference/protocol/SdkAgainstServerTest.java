package io.mrtck.reference.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mrtck.reference.data.Limits;
import oracle.nosql.driver.NoSQLException;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.OperationNotSupportedException;
import oracle.nosql.driver.RequestSizeLimitException;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.SystemResult;
import oracle.nosql.driver.ops.SystemStatusRequest;
import oracle.nosql.driver.ops.TableUsageRequest;

/**
 * The unmodified SDK against the server (no store behind it): the envelope, headers and
 * error mapping are what the SDK expects — answers arrive (request id echoed), errors map
 * to the right exceptions and are not retried until timeout.
 */
class SdkAgainstServerTest {
    private static final int REQUEST_TIMEOUT_MS = 5000;
    private static RegionServer server;
    private static NoSQLHandle handle;

    @BeforeAll
    static void start() {
        // a small request guard, so that the oversized-request answer can be seen cheaply
        server = TestRegion.server(new Limits(Limits.defaults().maxKeyBytes(), 2 * 1024 * 1024));
        NoSQLHandleConfig config = new NoSQLHandleConfig("http://localhost:" + server.port());
        config.setAuthorizationProvider(new StoreAccessTokenProvider());
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        handle = NoSQLHandleFactory.createNoSQLHandle(config);
    }

    @AfterAll
    static void stop() {
        if (handle != null) {
            handle.close();
        }
        server.close();
    }

    @Test
    void systemStatusIsComplete() {
        SystemStatusRequest rq = new SystemStatusRequest().setOperationId("op-9")
            .setStatement("SHOW REGIONS");
        SystemResult r = handle.systemStatus(rq);
        assertThat(r.getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        assertThat(r.getOperationId()).isEqualTo("op-9");
        assertThat(r.getStatement()).isEqualTo("SHOW REGIONS");
    }

    @Test
    void tableUsageIsNotSupportedOnPrem() {
        assertThatThrownBy(() -> handle.getTableUsage(new TableUsageRequest().setTableName("t")))
            .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void oversizedRequestIsRequestSizeLimitAndTheHandleStillWorks() {
        char[] big = new char[3 * 1024 * 1024];
        java.util.Arrays.fill(big, 'x');
        PutRequest put = new PutRequest().setTableName("t")
            .setValue(new MapValue().put("id", 1).put("s", new String(big)));
        assertThatThrownBy(() -> handle.put(put)).isInstanceOf(RequestSizeLimitException.class);
        systemStatusIsComplete();
    }

    @Test
    void backendFailureIsReportedFastNotRetried() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> handle.getTable(new GetTableRequest().setTableName("users")))
            .isInstanceOf(NoSQLException.class)
            .hasMessageContaining("GET_TABLE");
        // a retrying handle would keep at it until the request timeout; one answer comes before it
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(REQUEST_TIMEOUT_MS));
    }
}
