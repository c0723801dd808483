package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ERROR_CODE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXCEPTION;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * One V4 response map. The SDK requires the error code {@code e} to be the first field, so
 * it is written by the constructor; the operation fields follow in the order they are added.
 * Integers are written as NSON INTEGER, longs as LONG, byte arrays as BINARY: the SDK reads
 * each field with a strict type.
 */
public final class Response {
    private final MapValue map = new MapValue(true, 8);

    private Response(int code) {
        map.put(ERROR_CODE, code);
    }

    public static Response ok() {
        return new Response(0);
    }

    public static Response error(ErrorCode code, String message) {
        return error(code.wire(), message);
    }

    public static Response error(int code, String message) {
        Response r = new Response(code);
        r.map.put(EXCEPTION, message == null ? "error " + code : message);
        return r;
    }

    public Response put(String field, int value) {
        map.put(field, value);
        return this;
    }

    public Response putLong(String field, long value) {
        map.put(field, value);
        return this;
    }

    public Response put(String field, boolean value) {
        map.put(field, value);
        return this;
    }

    /** Skipped when null (the SDK treats an absent field as "not set"). */
    public Response put(String field, String value) {
        if (value != null) {
            map.put(field, value);
        }
        return this;
    }

    /** Skipped when null. */
    public Response put(String field, byte[] value) {
        if (value != null) {
            map.put(field, value);
        }
        return this;
    }

    /** Skipped when null. */
    public Response put(String field, FieldValue value) {
        if (value != null) {
            map.put(field, value);
        }
        return this;
    }

    public int errorCode() {
        return map.get(ERROR_CODE).getInt();
    }

    public MapValue map() {
        return map;
    }

    public byte[] encode() {
        return NsonCodec.encode(map);
    }

    /** An ordered map for nested response structures. */
    static MapValue newMap() {
        return new MapValue(true, 4);
    }

    static ArrayValue newArray(int size) {
        return new ArrayValue(size);
    }
}
