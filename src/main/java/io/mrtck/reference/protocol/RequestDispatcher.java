package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.HEADER;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OP_CODE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.PAYLOAD;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TIMEOUT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.VERSION;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.nson.NsonCodec;
import io.mrtck.reference.nson.NsonFields;
import io.mrtck.reference.store.StoreBusyException;
import oracle.nosql.driver.values.MapValue;

/**
 * Turns one request body into one response body, never throwing: a malformed body, an
 * unknown opcode or a failing operation all become an NSON error map ({@code {e, x}}).
 * Independent of HTTP so it can be tested directly.
 */
public final class RequestDispatcher {
    /** The only serial version we implement (NSON, "V4"). */
    public static final short SERIAL_VERSION = 4;

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final TableOps tableOps;
    private final RowOps rowOps;
    private final QueryOps queryOps;
    private final SystemOps systemOps;
    private final RegionContext region;

    public RequestDispatcher(RegionContext region) {
        this.region = region;
        this.tableOps = new TableOps(region);
        this.rowOps = new RowOps(region);
        this.queryOps = new QueryOps(region);
        this.systemOps = new SystemOps(region, tableOps);
    }

    /**
     * A request body decoded: the operation to execute, or the answer already when the body is
     * malformed or of another version.
     */
    public record Decoded(Op op, byte[] answer) {
        /**
         * Whether the operation reads or writes rows by key: it ends in a short store transaction
         * and never waits for anything outside the store, so it may run on an I/O thread.
         */
        public boolean rowOperation() {
            return op != null && OpCodes.isRowOperation(op.opcode());
        }
    }

    /** The encoded response for a request body (serial version + NSON map). */
    public byte[] handle(byte[] body) {
        return answer(decode(body));
    }

    /** Executes a decoded request (if it is not answered already) and encodes the answer. */
    public byte[] answer(Decoded request) {
        return request.answer() != null ? request.answer() : execute(request.op()).encode();
    }

    /** Checks the serial version and decodes the envelope; never throws. */
    public Decoded decode(byte[] body) {
        if (body == null || body.length < 2) {
            return answered(Response.error(ErrorCode.BAD_PROTOCOL_MESSAGE,
                "request body too short: expected a 2-byte serial version and an NSON map, got "
                    + (body == null ? 0 : body.length) + " bytes"));
        }
        int serial = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        if (serial < SERIAL_VERSION) {
            return new Decoded(null, legacyUnsupportedProtocol(serial));
        }
        if (serial != SERIAL_VERSION) {
            return answered(Response.error(ErrorCode.UNSUPPORTED_PROTOCOL, "Unsupported serial version "
                + serial + ": this server speaks serial version " + SERIAL_VERSION));
        }
        int opcode = -1;
        try {
            MapValue envelope = NsonCodec.decodeMap(body, 2, body.length - 2);
            NsonFields header = NsonFields.of(envelope.get(HEADER), "request header (field '"
                + HEADER + "')");
            int version = header.integer(VERSION, SERIAL_VERSION);
            if (version != SERIAL_VERSION) {
                return answered(Response.error(ErrorCode.UNSUPPORTED_PROTOCOL, "Unsupported header version "
                    + version + ": this server speaks " + SERIAL_VERSION));
            }
            if (!header.has(OP_CODE)) {
                return answered(Response.error(ErrorCode.BAD_PROTOCOL_MESSAGE,
                    "request header has no opcode (field '" + OP_CODE + "')"));
            }
            opcode = header.integer(OP_CODE, -1);
            NsonFields payload = envelope.get(PAYLOAD) == null
                ? new NsonFields(new MapValue(), "payload")
                : NsonFields.of(envelope.get(PAYLOAD), "payload (field '" + PAYLOAD + "')");
            return new Decoded(new Op(opcode, TableNames.resolve(region, header.string(TABLE_NAME)),
                header.integer(TIMEOUT, 0), header, payload), null);
        } catch (NsonCodec.MalformedNsonException e) {
            return answered(Response.error(ErrorCode.BAD_PROTOCOL_MESSAGE, "malformed request: " + e.getMessage()));
        } catch (RuntimeException | Error e) {
            return answered(failure(opcode, e));
        }
    }

    private static Decoded answered(Response answer) {
        return new Decoded(null, answer.encode());
    }

    /** The operation's answer; a failure becomes the error the SDK expects for it. */
    private Response execute(Op op) {
        try {
            return run(op);
        } catch (RuntimeException | Error e) {
            return failure(op.opcode(), e);
        }
    }

    private static Response failure(int opcode, Throwable e) {
        if (e instanceof RequestException re) {
            return OperationErrors.of(opcode, re);
        }
        if (e instanceof StoreBusyException) {
            // Nothing was written: SERVER_ERROR is one the SDK retries, as a real store's busy answers.
            return Response.error(ErrorCode.SERVER_ERROR, describe(opcode) + ": the region is busy, retry: "
                + e.getMessage());
        }
        if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) {
            throw vme;
        }
        LOG.log(Level.WARNING, "unexpected failure in " + describe(opcode), e);
        return OperationErrors.unexpected(opcode, e);
    }

    private Response run(Op op) {
        return switch (op.opcode()) {
            case OpCodes.GET -> rowOps.get(op);
            case OpCodes.PUT, OpCodes.PUT_IF_ABSENT, OpCodes.PUT_IF_PRESENT,
                OpCodes.PUT_IF_VERSION -> rowOps.put(op);
            case OpCodes.DELETE, OpCodes.DELETE_IF_VERSION -> rowOps.delete(op);
            case OpCodes.WRITE_MULTIPLE -> rowOps.writeMultiple(op);
            case OpCodes.MULTI_DELETE -> rowOps.multiDelete(op);
            case OpCodes.QUERY -> queryOps.query(op);
            case OpCodes.PREPARE -> queryOps.prepare(op);
            case OpCodes.TABLE_REQUEST -> tableOps.tableRequest(op);
            case OpCodes.GET_TABLE -> tableOps.getTable(op);
            case OpCodes.LIST_TABLES -> tableOps.listTables(op);
            case OpCodes.GET_INDEXES -> tableOps.getIndexes(op);
            case OpCodes.SYSTEM_REQUEST -> systemOps.system(op);
            case OpCodes.SYSTEM_STATUS_REQUEST -> systemOps.status(op);
            default -> unsupported(op.opcode());
        };
    }

    private static Response unsupported(int opcode) {
        String name = OpCodes.name(opcode);
        if (name == null) {
            return Response.error(ErrorCode.BAD_PROTOCOL_MESSAGE, "Unknown opcode " + opcode);
        }
        return Response.error(ErrorCode.OPERATION_NOT_SUPPORTED, "Operation " + name + " (opcode "
            + opcode + ") is not supported by an on-premises region");
    }

    private static String describe(int opcode) {
        String name = OpCodes.name(opcode);
        return name == null ? "request (opcode " + opcode + ")" : name;
    }

    /**
     * A pre-NSON client (serial version 2 or 3) reads the first byte as the error code and
     * then a string: answer UNSUPPORTED_PROTOCOL that way.
     */
    static byte[] legacyUnsupportedProtocol(int serial) {
        return NsonCodec.encodeLegacyError(ErrorCode.UNSUPPORTED_PROTOCOL.wire(),
            "Unsupported serial version " + serial + ": this server speaks serial version "
                + SERIAL_VERSION);
    }
}
