package io.mrtck.reference.kvhome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runadmin -host H -port P [-store S] <command…>}: one admin command, or {@code load
 * -file X.kvs} to run a script line by line (stopping at the first refusal, as the real
 * admin does). As on a real store, commands that need the store ({@code execute}, {@code show
 * tables}, {@code show mrtable-agent-statistics}) need {@code -store}.
 */
@Command(name = "runadmin", description = "Run admin commands against a store.")
final class RunAdmin implements Callable<Integer> {
    @Option(names = "-host", defaultValue = "localhost") String host;
    @Option(names = "-port", defaultValue = "5000") int port;
    @Option(names = "-store") String store;
    @Option(names = "-security") Path security;
    @Parameters List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (security != null) {
            throw new IllegalArgumentException("-security " + security + ": the reference runs non-secure stores only");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command: runadmin is not interactive in the reference; "
                + "give a command (e.g. ping) or load -file X.kvs");
        }
        AdminClient admin = new AdminClient(host, port);
        if (store != null) {
            String actual = admin.storeName();
            if (actual != null && !actual.equals(store)) {
                throw new IllegalStateException("Could not connect to store " + store + " at " + admin
                    + ": the store there is " + actual);
            }
        }
        if (command.get(0).equalsIgnoreCase("load")) {
            return load(admin, loadFile());
        }
        return run(admin, commandLine(command)) ? 0 : 1;
    }

    private Path loadFile() {
        if (command.size() != 3 || !command.get(1).equals("-file")) {
            throw new IllegalArgumentException("usage: load -file <script.kvs>");
        }
        Path f = Path.of(command.get(2));
        if (!Files.isReadable(f)) {
            throw new IllegalArgumentException("load -file " + f + ": no such readable file");
        }
        return f;
    }

    private int load(AdminClient admin, Path script) throws IOException {
        for (String raw : Files.readAllLines(script)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            System.out.println("kv-> " + line);
            if (!run(admin, line)) {
                System.err.println("Script " + script + " stopped at: " + line);
                return 1;
            }
        }
        return 0;
    }

    private boolean run(AdminClient admin, String line) throws IOException {
        String word = line.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        boolean needsStore = word.equals("execute") || line.toLowerCase(Locale.ROOT).matches("show\\s+(tables|mrtable-agent-statistics).*");
        if (needsStore && store == null) {
            System.err.println("Not Connected: " + word + " needs a store connection; use runadmin -store <name>");
            return false;
        }
        try {
            System.out.println(admin.execute(line));
            return true;
        } catch (AdminClient.Refused e) {
            System.err.println(e.getMessage());
            return false;
        }
    }

    /** The words as the admin shell would read them back: a word with spaces is quoted again. */
    static String commandLine(List<String> words) {
        if (words.get(0).equalsIgnoreCase("execute")) {
            return "execute " + String.join(" ", words.subList(1, words.size()));
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? "" : " ");
            sb.append(w.matches(".*\\s.*") ? "\"" + w + "\"" : w);
        }
        return sb.toString();
    }

    /** {@code ping -host H -port P}: the store's status, exit 0 when it answers. */
    @Command(name = "ping", description = "Ping a store.")
    static final class Ping implements Callable<Integer> {
        @Option(names = "-host", defaultValue = "localhost") String host;
        @Option(names = "-port", defaultValue = "5000") int port;

        @Override
        public Integer call() throws IOException {
            System.out.println(new AdminClient(host, port).execute("ping"));
            return 0;
        }
    }
}
