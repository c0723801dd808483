package io.mrtck.report;

/**
 * One test case's result as the JUnit XML reports record it.
 *
 * @param suite   the test class
 * @param name    the test (with its parameters)
 * @param status  PASSED, FAILED, ERROR or SKIPPED
 * @param seconds how long it ran
 * @param detail  the failure message or skip reason, else empty
 */
public record TestOutcome(String suite, String name, String status, double seconds, String detail) {
}
