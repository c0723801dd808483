package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.HEADER;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OP_CODE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.PAYLOAD;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TIMEOUT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.VERSION;

import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.MapValue;

/** Builds raw request bodies as the SDK lays them out. */
final class Requests {
    private Requests() {
    }

    static MapValue envelope(int opcode, MapValue payload) {
        MapValue h = new MapValue(true, 4);
        h.put(VERSION, 4);
        h.put(OP_CODE, opcode);
        h.put(TIMEOUT, 5000);
        MapValue m = new MapValue(true, 2);
        m.put(HEADER, h);
        m.put(PAYLOAD, payload == null ? new MapValue(true, 0) : payload);
        return m;
    }

    static byte[] body(int serialVersion, MapValue envelope) {
        byte[] nson = NsonCodec.encode(envelope);
        byte[] out = new byte[nson.length + 2];
        out[0] = (byte) (serialVersion >>> 8);
        out[1] = (byte) serialVersion;
        System.arraycopy(nson, 0, out, 2, nson.length);
        return out;
    }

    static byte[] op(int opcode, MapValue payload) {
        return body(4, envelope(opcode, payload));
    }
}
