package io.mrtck.reference.kvhome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The admin of a reference store at host:port, reached at {@code POST /mrtck/admin} (the
 * store process serves its admin on the port {@code makebootconfig -port} / {@code kvlite
 * -port} names, where the real store's registry listens).
 */
final class AdminClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();

    private final String host;
    private final int port;

    AdminClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** What the admin answered; {@link Refused} when it refused the command. */
    String execute(String commandLine) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/mrtck/admin"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(commandLine, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp;
        try {
            resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("Could not connect to the admin at " + host + ":" + port + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (resp.statusCode() != 200) {
            throw new Refused(resp.body());
        }
        return resp.body();
    }

    /** The store name the admin reports in its ping, or null when it is not configured yet. */
    String storeName() throws IOException {
        String ping = execute("ping");
        String first = ping.lines().findFirst().orElse("");
        String name = first.replaceFirst("^Pinging store\\s*", "").strip();
        return name.isEmpty() || name.startsWith("(") ? null : name;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }

    /** The admin refused a command; the message is its explanation. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
