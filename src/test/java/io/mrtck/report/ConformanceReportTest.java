package io.mrtck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConformanceReportTest {
    private static final String SUITE = "io.mrtck.suites.ConflictIT";

    private static TestOutcome suiteCase(String name, String status, String detail) {
        return new TestOutcome("Conflict resolution", name, status, 0.1, detail, SUITE);
    }

    @Test
    void oneLinePerBehaviourWithItsVerdictAndEverySkipReason() {
        ConformanceReport r = new ConformanceReport(List.of(
            suiteCase("theLaterWriteWins(String, String) FR -> CO", "PASSED", ""),
            suiteCase("theLaterWriteWins(String, String) CO -> FR", "PASSED", ""),
            suiteCase("tieRule(String) in FR", "SKIPPED", "target does not support CLOCK_FREEZE"),
            new TestOutcome("RowsTest", "putWorks()", "PASSED", 0.01, "", "io.mrtck.reference.data.RowsTest")),
            "embedded", "# Mutants\n\n| mutant | caught |\n|---|---|\n| `LWW_REVERSED` | yes |\n");
        String md = r.markdown();
        assertThat(md).contains("| Conflict resolution | the later write wins | 2 | 2 | 0 | 0 | PASS |  |")
            .contains("| Conflict resolution | tie rule | 1 | 0 | 0 | 1 | SKIPPED | target does not support CLOCK_FREEZE |")
            .contains("Suite cases: 3 (2 passed, 0 failed, 1 skipped). Kit self-tests: 1 (0 failed)")
            .contains("| `LWW_REVERSED` | yes |");
        assertThat(r.passed()).isTrue();
        assertThat(r.html()).contains("<td class=\"SKIPPED\">SKIPPED</td>").contains("<td class=PASS>yes</td>");
    }

    @Test
    void aFailureFailsTheVerdictAndIsEscapedInHtml() {
        ConformanceReport r = new ConformanceReport(List.of(
            suiteCase("lww(String) <x>", "FAILED", "regions did not converge on table T\n  key 1")), "embedded");
        assertThat(r.passed()).isFalse();
        assertThat(r.markdown()).contains("| FAIL | regions did not converge on table T |");
        assertThat(r.html()).contains("&lt;x&gt;").doesNotContain("<x>");
    }
}
