package io.mrtck.reference.sql.system;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;

/**
 * A statement the real store runs as an admin plan (region DDL) and whose plan failed. The
 * real proxy answers such a SystemRequest as still working and reports the failure when the
 * client polls for the operation's status, worded
 * {@code System Operation failed: \n\tFailure 1: 1/DropRegion FR failed.: Cannot drop local region}.
 */
public final class PlanFailure extends RequestException {

    PlanFailure(String task, String cause) {
        super(ErrorCode.ILLEGAL_ARGUMENT, "System Operation failed: \n\tFailure 1: 1/" + task + " failed.: " + cause);
    }
}
