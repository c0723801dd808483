package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ERROR_CODE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXCEPTION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OPERATION_ID;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.PAYLOAD;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.STATEMENT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.SYSOP_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mrtck.reference.data.Limits;
import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.MapValue;

/**
 * Drives the server with raw HTTP: every malformed request gets HTTP 200 and an NSON error
 * map (first field {@code e}, then {@code x}), and the server keeps serving afterwards.
 */
class RawHttpProtocolTest {
    private static final int LIMIT = 64 * 1024;
    private static RegionServer server;
    private static HttpClient http;
    private static URI uri;

    @BeforeAll
    static void start() {
        Limits d = Limits.defaults();
        server = TestRegion.server(new Limits(d.maxKeyBytes(), LIMIT));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        uri = URI.create("http://localhost:" + server.port() + "/V2/nosql/data");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> post(byte[] body, String requestId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (requestId != null) {
            b.header("x-nosql-request-id", requestId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts, checks the HTTP envelope, returns the decoded NSON map. */
    private static MapValue call(byte[] body) throws Exception {
        HttpResponse<byte[]> r = post(body, "42");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-nosql-request-id")).hasValue("42");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(r.headers().firstValue("x-nosql-serial-version")).hasValue("4");
        MapValue m = (MapValue) NsonCodec.decode(r.body());
        assertThat(m.getMap().keySet().iterator().next()).as("first field").isEqualTo(ERROR_CODE);
        return m;
    }

    private static void assertError(MapValue m, int code, String messagePart) {
        assertThat(m.get(ERROR_CODE).getInt()).as("error code of %s", m).isEqualTo(code);
        assertThat(m.get(EXCEPTION).getString()).containsIgnoringCase(messagePart);
    }

    private static void assertStillServing() throws Exception {
        MapValue p = new MapValue(true, 2);
        p.put(OPERATION_ID, "op-1");
        p.put(STATEMENT, "SHOW REGIONS");
        MapValue m = call(Requests.op(OpCodes.SYSTEM_STATUS_REQUEST, p));
        assertThat(m.get(ERROR_CODE).getInt()).isZero();
        assertThat(m.get(SYSOP_STATE).getInt()).isZero();
        assertThat(m.get(OPERATION_ID).getString()).isEqualTo("op-1");
    }

    @Test
    void garbageBodyIsBadProtocolMessage() throws Exception {
        byte[] garbage = new byte[200];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = 4;
        garbage[2] = 6; // claims a MAP, then nonsense sizes
        assertError(call(garbage), 17, "malformed");
        assertStillServing();
    }

    @Test
    void truncatedBodyIsBadProtocolMessage() throws Exception {
        byte[] full = Requests.op(OpCodes.GET_TABLE, null);
        assertError(call(Arrays.copyOf(full, full.length / 2)), 17, "malformed");
        assertStillServing();
    }

    @Test
    void emptyAndTinyBodies() throws Exception {
        assertError(call(new byte[0]), 17, "too short");
        assertError(call(new byte[] {0}), 17, "too short");
        assertError(call(new byte[] {0, 4}), 17, "empty");
        assertStillServing();
    }

    @Test
    void notAMap() throws Exception {
        byte[] nson = NsonCodec.encode(new oracle.nosql.driver.values.StringValue("hello"));
        byte[] body = new byte[nson.length + 2];
        body[1] = 4;
        System.arraycopy(nson, 0, body, 2, nson.length);
        assertError(call(body), 17, "MAP");
    }

    @Test
    void unknownOpcode() throws Exception {
        assertError(call(Requests.op(99, null)), 17, "opcode 99");
        assertError(call(Requests.op(OpCodes.GET_TABLE_USAGE, null)), 21, "GET_TABLE_USAGE");
        assertError(call(Requests.op(33, null)), 21, "ADD_REPLICA");
        assertStillServing();
    }

    @Test
    void missingHeader() throws Exception {
        MapValue m = new MapValue(true, 1);
        m.put(PAYLOAD, new MapValue());
        assertError(call(Requests.body(4, m)), 17, "header");
        MapValue noOpcode = Requests.envelope(OpCodes.GET, null);
        ((MapValue) noOpcode.get("h")).remove("o");
        assertError(call(Requests.body(4, noOpcode)), 17, "opcode");
        MapValue badType = Requests.envelope(OpCodes.GET, null);
        ((MapValue) badType.get("h")).put("o", "two");
        assertError(call(Requests.body(4, badType)), 17, "INTEGER");
        assertStillServing();
    }

    @Test
    void missingRequiredFields() throws Exception {
        // GET without a table name in the header: the SDK's IllegalArgumentException
        assertError(call(Requests.op(OpCodes.GET, null)), 4, "table name");
        MapValue p = new MapValue(true, 1);
        p.put("k", "not a map");
        MapValue env = Requests.envelope(OpCodes.GET, p);
        ((MapValue) env.get("h")).put("n", "t");
        assertError(call(Requests.body(4, env)), 17, "MAP");
    }

    @Test
    void newerSerialVersionIsUnsupportedProtocol() throws Exception {
        assertError(call(Requests.body(5, Requests.envelope(OpCodes.GET_TABLE, null))), 24,
            "serial version 5");
        assertStillServing();
    }

    @Test
    void olderSerialVersionGetsLegacyErrorByte() throws Exception {
        HttpResponse<byte[]> r = post(Requests.body(3, Requests.envelope(OpCodes.GET, null)), "7");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-nosql-request-id")).hasValue("7");
        assertThat(r.body()[0]).isEqualTo((byte) 24);
        assertThat(NsonCodec.decodeLegacyMessage(r.body())).contains("serial version 3");
    }

    @Test
    void oversizedBodyIsRequestSizeLimitExceeded() throws Exception {
        byte[] big = new byte[LIMIT + 1000];
        big[1] = 4;
        assertError(call(big), 8, "size");
        assertStillServing();
    }

    @Test
    void noRequestIdStillAnswers() throws Exception {
        HttpResponse<byte[]> r = post(Requests.op(99, null), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-nosql-request-id")).isEmpty();
    }

    @Test
    void failingBackendIsUnknownErrorNotServerError() throws Exception {
        // the store is not opened in this test: the failure must not be retried by the SDK
        MapValue env = Requests.envelope(OpCodes.GET_TABLE, null);
        ((MapValue) env.get("h")).put("n", "users");
        MapValue m = call(Requests.body(4, env));
        assertThat(m.get(ERROR_CODE).getInt()).isEqualTo(125);
        assertStillServing();
    }

    @Test
    void wrongPathAndMethod() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/nope")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> g = http.send(HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(g.statusCode()).isEqualTo(405);
        assertStillServing();
    }

    @Test
    void clientThatDisconnectsMidRequestDoesNotHurtOthers() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (java.net.Socket s = new java.net.Socket("localhost", server.port())) {
                s.getOutputStream().write(("POST /V2/nosql/data HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 1000\r\nx-nosql-request-id: 1\r\n\r\n\u0000\u0004\u0006")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
        }
        try (java.net.Socket s = new java.net.Socket("localhost", server.port())) {
            s.getOutputStream().write("garbage that is not HTTP at all\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
        }
        assertStillServing();
    }

    @Test
    void concurrentRequestsAreAllAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
        HttpClient many = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 64; i++) {
            MapValue p = new MapValue(true, 1);
            p.put(OPERATION_ID, "op-" + i);
            all.add(many.sendAsync(HttpRequest.newBuilder(uri)
                .header("x-nosql-request-id", Integer.toString(i))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                    Requests.op(OpCodes.SYSTEM_STATUS_REQUEST, p))).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < all.size(); i++) {
            HttpResponse<byte[]> r = all.get(i).get();
            assertThat(r.headers().firstValue("x-nosql-request-id")).hasValue(Integer.toString(i));
            MapValue m = (MapValue) NsonCodec.decode(r.body());
            assertThat(m.get(OPERATION_ID).getString()).isEqualTo("op-" + i);
        }
    }
}
