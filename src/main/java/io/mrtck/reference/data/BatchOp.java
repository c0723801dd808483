package io.mrtck.reference.data;

/** One sub-operation of a WriteMultiple: a put or a delete, and whether its failure aborts the batch. */
public record BatchOp(PutOp put, DeleteOp delete, boolean abortIfUnsuccessful) {

    public static BatchOp put(PutOp op, boolean abort) {
        return new BatchOp(op, null, abort);
    }

    public static BatchOp delete(DeleteOp op, boolean abort) {
        return new BatchOp(null, op, abort);
    }
}
