package io.mrtck.topology;

/** A region's admin command line, as {@code runadmin -store S} takes it. */
public interface AdminAccess {

    /**
     * Runs one command line (e.g. {@code show mrtable-agent-statistics -agent 0 -json}) and
     * returns what the admin printed.
     *
     * @throws AdminCommandException when the admin rejects the command; the message says why
     */
    String execute(String commandLine);
}
