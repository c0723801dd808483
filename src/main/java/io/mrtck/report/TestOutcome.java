package io.mrtck.report;

/**
 * One test case's result as the JUnit XML reports record it.
 *
 * @param suite     the test class as the report shows it (its display name, or simple name)
 * @param name      the test (with its parameters)
 * @param status    PASSED, FAILED, ERROR or SKIPPED
 * @param seconds   how long it ran
 * @param detail    the failure message or skip reason, else empty
 * @param className the test class's fully qualified name (empty when the report does not say)
 */
public record TestOutcome(String suite, String name, String status, double seconds, String detail, String className) {

    public TestOutcome(String suite, String name, String status, double seconds, String detail) {
        this(suite, name, status, seconds, detail, "");
    }

    /** The test method: the name up to its parameter list, or the whole name when it has none. */
    public String method() {
        int paren = name.indexOf('(');
        return paren > 0 && name.substring(0, paren).matches("\\w+") ? name.substring(0, paren) : name;
    }

    /** The invocation's own description (after the method's parameter list), or the name. */
    public String invocation() {
        int close = name.indexOf(") ");
        return name.indexOf('(') > 0 && close > 0 ? name.substring(close + 2) : name;
    }

    public boolean failed() {
        return status.equals("FAILED") || status.equals("ERROR");
    }
}
