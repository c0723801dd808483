package io.mrtck.reference.protocol;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.nson.NsonFields;

/**
 * One decoded request: its opcode, the table named in the header (may be null), the
 * timeout, and the header and payload maps.
 */
public record Op(int opcode, String tableName, int timeoutMs, NsonFields header,
                 NsonFields payload) {

    /** The header's table name, or the proxy's ILLEGAL_ARGUMENT naming the operation. */
    public String requiredTable() {
        if (tableName == null || tableName.isBlank()) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT,
                OpCodes.name(opcode) + " requires a table name");
        }
        return tableName;
    }
}
