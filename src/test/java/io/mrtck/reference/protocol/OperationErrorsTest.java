package io.mrtck.reference.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import oracle.nosql.driver.ops.serde.nson.NsonProtocol;

/** How a refused operation reads on the wire: the real proxy's words for each kind of refusal. */
class OperationErrorsTest {

    @Test
    void aStoreIllegalArgumentIsNamedAfterTheOperation() {
        RequestException e = RequestException.illegalArgument("Int overflow: 2147483648");
        assertThat(message(OperationErrors.of(OpCodes.PUT, e))).isEqualTo("PUT: Illegal Argument: Int overflow: 2147483648");
        assertThat(message(OperationErrors.of(OpCodes.PUT_IF_ABSENT, e))).startsWith("PUT_IF_ABSENT: Illegal Argument: ");
        assertThat(message(OperationErrors.of(OpCodes.WRITE_MULTIPLE, e))).startsWith("WRITE_MULTIPLE: Illegal Argument: ");
        assertThat(message(OperationErrors.of(OpCodes.SYSTEM_STATUS_REQUEST, e)))
            .startsWith("SYSTEM_STATUS_REQUEST: Illegal Argument: ");
        assertThat(OperationErrors.of(OpCodes.GET, e).errorCode()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT.wire());
    }

    @Test
    void theProxysOwnRefusalsAndTableOperationsPassUnchanged() {
        RequestException proxy = RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT,
            "Failed to create Field Value for variable '$v': Invalid string for Integer: x");
        assertThat(message(OperationErrors.of(OpCodes.QUERY, proxy))).isEqualTo(proxy.getMessage());
        RequestException ddl = RequestException.illegalArgument("Error: at (1, 38) Type Any not allowed in DDL statements.");
        assertThat(message(OperationErrors.of(OpCodes.TABLE_REQUEST, ddl))).isEqualTo(ddl.getMessage());
        assertThat(message(OperationErrors.of(OpCodes.GET, RequestException.tableNotFound("T"))))
            .isEqualTo("Table not found: T");
    }

    @Test
    void anExceptionTheStoreDoesNotExpectIsUnknownErrorNamingItsClass() {
        RequestException e = RequestException.unexpected("oracle.kv.impl.admin.IllegalCommandException",
            "The field can not be null: v");
        Response r = OperationErrors.of(OpCodes.PUT, e);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.UNKNOWN_ERROR.wire());
        assertThat(message(r)).isEqualTo(
            "PUT: Unexpected exception: oracle.kv.impl.admin.IllegalCommandException: The field can not be null: v");
        assertThat(message(OperationErrors.unexpected(OpCodes.GET, new NullPointerException("x"))))
            .as("a failure of the reference itself, without a stack trace")
            .isEqualTo("GET: Unexpected exception: java.lang.NullPointerException: x");
    }

    private static String message(Response r) {
        return r.map().getString(NsonProtocol.EXCEPTION);
    }
}
