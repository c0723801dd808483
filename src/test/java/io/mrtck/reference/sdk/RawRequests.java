package io.mrtck.reference.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import oracle.nosql.driver.Nson;
import oracle.nosql.driver.util.NettyByteInputStream;
import oracle.nosql.driver.util.NettyByteOutputStream;
import oracle.nosql.driver.values.MapValue;

/**
 * Raw HTTP requests to a region's SDK endpoint, for inputs the SDK never sends. Bodies are
 * encoded and responses decoded with the SDK's own public NSON classes.
 */
final class RawRequests {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    private RawRequests() {
    }

    /** A request body: 2-byte serial version, then {h: {v: 4, o: opcode, t: 5000, n?}, p: payload}. */
    static byte[] body(int serialVersion, int opcode, String table, MapValue payload) {
        MapValue header = new MapValue(true, 4).put("v", 4).put("o", opcode).put("t", 5000);
        if (table != null) {
            header.put("n", table);
        }
        MapValue envelope = new MapValue(true, 2).put("h", header).put("p", payload == null ? new MapValue() : payload);
        NettyByteOutputStream out = NettyByteOutputStream.createNettyByteOutputStream();
        try {
            out.writeShort(serialVersion);
            Nson.writeFieldValue(out, envelope);
            return Arrays.copyOf(out.array(), out.getOffset());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            out.close();
        }
    }

    /** Posts a body; the region must answer HTTP 200 with an NSON map, which is returned. */
    static MapValue post(String endpoint, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/V2/nosql/data"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/octet-stream")
            .header("x-nosql-request-id", "7")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("expected HTTP 200 with an error in the body, got HTTP " + r.statusCode());
        }
        NettyByteInputStream in = NettyByteInputStream.createFromBytes(r.body());
        try {
            return Nson.readFieldValue(in).asMap();
        } finally {
            in.close();
        }
    }
}
