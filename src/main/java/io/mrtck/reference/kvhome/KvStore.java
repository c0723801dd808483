package io.mrtck.reference.kvhome;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lib/kvstore.jar …}: the reference answering the command lines of an
 * Oracle NoSQL release's kvstore.jar that the workshop and the kit use — {@code kvlite},
 * {@code makebootconfig}, {@code start}, {@code stop}, {@code runadmin}, {@code ping},
 * {@code xrstart}, {@code xrstop}, {@code xrstatus}.
 *
 * <p>How the processes fit together: the store process ({@code kvlite}/{@code start}) owns
 * the store and serves, on its one port, the admin ({@code POST /mrtck/admin}), the agent
 * API ({@code POST /mrtck/agent}) and the SDK protocol. {@code xrstart} runs the agent as
 * its own process, reaching both stores over HTTP; {@code httpproxy.jar} relays the SDK's
 * bytes from its {@code -httpPort} to the store.
 */
@Command(name = "kvstore.jar", mixinStandardHelpOptions = true, version = "mrtck reference 0.1.0",
    description = "The mrtck reference region, answering kvstore.jar's command lines.",
    subcommands = {StoreCommands.KvLite.class, StoreCommands.MakeBootConfig.class, StoreCommands.Start.class,
        StoreCommands.Stop.class, RunAdmin.class, RunAdmin.Ping.class, AgentCommands.XrStart.class,
        AgentCommands.XrStop.class, AgentCommands.XrStatus.class})
public final class KvStore implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; the exit code. Errors are one line on stderr, no stack trace. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new KvStore());
        cl.getSubcommands().get("runadmin").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
            + spec.subcommands().keySet());
    }
}
