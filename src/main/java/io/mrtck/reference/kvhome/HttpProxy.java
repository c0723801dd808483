package io.mrtck.reference.kvhome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar lib/httpproxy.jar -storeName S -helperHosts H:P -httpPort N}: the SDK's
 * endpoint in front of a store. The reference store already speaks the SDK protocol on its
 * own port, so this proxy checks that the store it fronts is the one named, then relays
 * each connection's bytes unchanged. It exits when it cannot bind its port or the store is
 * another one; it waits (bounded) for a store that is still starting.
 */
@Command(name = "httpproxy.jar", mixinStandardHelpOptions = true,
    description = "The HTTP proxy of the mrtck reference (relays SDK requests to the store).")
public final class HttpProxy implements Callable<Integer> {
    private static final Duration STORE_WAIT = Duration.ofSeconds(60);

    @Option(names = "-storeName", required = true) String storeName;
    @Option(names = "-helperHosts", required = true, split = ",") List<String> helperHosts;
    @Option(names = "-httpPort", defaultValue = "8080") int httpPort;
    @Unmatched List<String> unmatched = new ArrayList<>();

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new HttpProxy());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("httpproxy: " + e.getMessage());
            return 1;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StoreCommands.ignored(unmatched);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(new InetSocketAddress(httpPort));
        } catch (IOException e) {
            server.close();
            throw new IllegalStateException("cannot listen on port " + httpPort + " (is it already in use?): "
                + e.getMessage());
        }
        InetSocketAddress store = awaitStore();
        System.out.println("Proxy for store " + storeName + " (" + store.getHostString() + ":" + store.getPort()
            + ") listening on port " + httpPort);
        System.out.flush();
        while (true) {
            Socket client = server.accept();
            relay(client, store);
        }
    }

    /** The first helper whose store answers with our store name; bounded, the message says what was seen. */
    private InetSocketAddress awaitStore() throws InterruptedException {
        long deadline = System.nanoTime() + STORE_WAIT.toNanos();
        String last = "no answer";
        while (true) {
            for (String h : helperHosts) {
                int colon = h.lastIndexOf(':');
                AdminClient admin = new AdminClient(h.substring(0, colon), Integer.parseInt(h.substring(colon + 1)));
                try {
                    String name = admin.storeName();
                    if (storeName.equals(name)) {
                        return new InetSocketAddress(h.substring(0, colon), Integer.parseInt(h.substring(colon + 1)));
                    }
                    if (name != null) {
                        throw new IllegalStateException("the store at " + h + " is " + name + ", not " + storeName);
                    }
                    last = h + ": store not configured yet";
                } catch (IOException e) {
                    last = h + ": " + e.getMessage();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("store " + storeName + " did not answer at " + helperHosts + " within "
                    + STORE_WAIT.toSeconds() + " s (" + last + ")");
            }
            Thread.sleep(200); // polling a store that is still starting
        }
    }

    private static void relay(Socket client, InetSocketAddress store) {
        Thread t = new Thread(() -> {
            try (client; Socket upstream = new Socket()) {
                upstream.connect(store, 5_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Thread back = copy(upstream.getInputStream(), client.getOutputStream(), client);
                copy(client.getInputStream(), upstream.getOutputStream(), upstream).join();
                back.join();
            } catch (IOException | InterruptedException e) {
                // the connection ends; the SDK opens another
            }
        }, "proxy-" + client.getPort());
        t.setDaemon(true);
        t.start();
    }

    /** Copies until EOF, then half-closes {@code to}'s output so the other side sees the end. */
    private static Thread copy(InputStream in, OutputStream out, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "proxy-copy");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
