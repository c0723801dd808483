package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import oracle.nosql.driver.IndexExistsException;
import oracle.nosql.driver.IndexNotFoundException;
import oracle.nosql.driver.OperationNotSupportedException;
import oracle.nosql.driver.NoSQLException;
import oracle.nosql.driver.RequestTimeoutException;
import oracle.nosql.driver.ResourceExistsException;
import oracle.nosql.driver.ResourceNotFoundException;
import oracle.nosql.driver.TableExistsException;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableUsageRequest;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/**
 * Every error code of WIRE-PROTOCOL.md the reference can produce, triggered through the SDK
 * and seen as the SDK's exception for it. Codes the SDK never lets through are checked as raw
 * HTTP in {@link BadInputIT}: 17 (aTruncatedBodyIsBadProtocolMessage, aGarbageBodyIs…,
 * anUnknownOpcodeIs…), 24 (anUnsupportedSerialVersionIsUnsupportedProtocol) and 27
 * (anUnsupportedQueryVersionIsUnsupportedQueryVersion); 8 (a request over the reference's own
 * size guard) in SdkAgainstServerTest. Not reachable, as on a real on-premises deployment: 5, 6
 * and 7 (the cloud's row, key and batch limits; an on-premises proxy has none), 26 (every DDL
 * completes synchronously), 101/102/126 (no overload or internal failure to provoke).
 */
@ExtendWith(ReferenceRegionExtension.class)
class ErrorCodesIT {

    @BeforeAll
    static void tables(RegionUnderTest region) {
        region.ddl("CREATE TABLE E(id INTEGER, s STRING, PRIMARY KEY(id))");
        region.ddl("CREATE TABLE EK(k STRING, PRIMARY KEY(k))");
        region.ddl("CREATE TABLE NN(id INTEGER, v INTEGER NOT NULL DEFAULT 7, PRIMARY KEY(id))");
        region.ddl("CREATE INDEX byS ON E(s)");
        region.system("SET LOCAL REGION FR");
        region.system("CREATE NAMESPACE Taken");
    }

    private static Arguments code(int code, String trigger, Consumer<RegionUnderTest> action,
                                  Class<? extends Throwable> exception) {
        return Arguments.of(code, trigger, action, exception);
    }

    static Stream<Arguments> codes() {
        return Stream.of(
            code(2, "get on a table that does not exist",
                r -> r.handle().get(new GetRequest().setTableName("NoTable").setKey(new MapValue().put("id", 1))),
                TableNotFoundException.class),
            code(3, "DROP INDEX of an index that does not exist",
                r -> r.ddl("DROP INDEX noIndex ON E"), IndexNotFoundException.class),
            code(4, "a query with a syntax error",
                r -> r.query("SELECT FROM E"), IllegalArgumentException.class),
            code(9, "CREATE TABLE of an existing table",
                r -> r.ddl("CREATE TABLE E(id INTEGER, PRIMARY KEY(id))"), TableExistsException.class),
            code(10, "CREATE INDEX of an existing index",
                r -> r.ddl("CREATE INDEX byS ON E(s)"), IndexExistsException.class),
            code(13, "CREATE NAMESPACE of an existing namespace",
                r -> r.system("CREATE NAMESPACE Taken"), ResourceExistsException.class),
            code(13, "CREATE TABLE with a column defined twice",
                r -> r.ddl("CREATE TABLE Twice(id INTEGER, id STRING, PRIMARY KEY(id))"), ResourceExistsException.class),
            code(14, "ALTER TABLE DROP of a column that does not exist",
                r -> r.ddl("ALTER TABLE E (DROP nosuch)"), ResourceNotFoundException.class),
            code(14, "DROP NAMESPACE of an unknown namespace",
                r -> r.system("DROP NAMESPACE NoNamespace"), ResourceNotFoundException.class),
            code(21, "getTableUsage, which an on-premises proxy does not support",
                r -> r.handle().getTableUsage(new TableUsageRequest().setTableName("E")),
                OperationNotSupportedException.class),
            code(100, "a put with a 70000-byte primary key, which the store does not write",
                r -> r.handle().put(new PutRequest().setTableName("EK").setValue(new MapValue().put("k", "k".repeat(70_000)))),
                RequestTimeoutException.class),
            code(125, "an explicit NULL for a NOT NULL column on a put (the store does not expect it)",
                r -> r.handle().put(new PutRequest().setTableName("NN").setValue(new MapValue().put("id", 1).put("v", NullValue.getInstance()))),
                NoSQLException.class));
    }

    @ParameterizedTest(name = "code {0}: {1}")
    @MethodSource("codes")
    void eachErrorCodeReachesTheSdkAsItsException(int code, String trigger, Consumer<RegionUnderTest> action,
                                                  Class<? extends Throwable> exception, RegionUnderTest region) {
        assertThatThrownBy(() -> action.accept(region))
            .as("error code %d (%s) should surface as %s", code, trigger, exception.getSimpleName())
            .isExactlyInstanceOf(exception)
            .hasMessageNotContaining("internal error");
    }
}
