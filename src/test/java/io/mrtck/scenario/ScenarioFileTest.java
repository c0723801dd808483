package io.mrtck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioFileTest {
    private static final String GOOD = """
        id: demo
        seed: 7
        mutant: LWW_REVERSED
        breaks: INV-CONV
        topology: {regions: [FR, CO], statsIntervalSecs: 1}
        tables:
          - {name: t, shape: plain}
          - {name: s, shape: sharded, ttl: 2 DAYS, create: []}
        steps:
          - write: {region: fr, table: t, kind: put, keys: 0-9, count: 20, threads: 2, background: true}
          - restart-agent: CO
          - partition: [FR, CO]
          - heal: [FR, CO]
          - skew-clock: {region: all, by: 3h}
          - create: {table: s, in: [FR, CO]}
          - write: {region: CO, table: s, kind: multi-delete, keys: [3, 17]}
          - repeat: {times: 2, steps: [{quiesce: {timeout: 20s}}, {check: [INV-CONV]}]}
          - expect: {region: CO, table: t, keys: 5, present: false, invariant: INV-LIVE, within: 30s}
        """;

    @Test
    void aFileReadsAsWrittenAndWritesBackToTheSameScenario() {
        Scenario s = ScenarioFile.parse(GOOD, "demo.yaml");
        assertThat(s.steps()).hasSize(9);
        assertThat(s.steps().get(0)).isEqualTo(new Step.Write("FR", "t", "put", Keys.range(0, 9), 20, 2, null, null, true));
        assertThat(s.stepCount()).isEqualTo(8 + 2 * 2);
        assertThat(s.tables().get(1).create()).isEmpty();
        assertThat(ScenarioFile.parse(ScenarioFile.toYaml(s), "again.yaml")).isEqualTo(s);
    }

    @Test
    void badInputIsRefusedNamingTheFileTheStepAndTheProblem() {
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("kind: put", "kind: puut"), "x.yaml"))
            .isInstanceOf(ScenarioFormatException.class)
            .hasMessageContaining("x.yaml: step 1 (write): unknown kind 'puut'");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("restart-agent: CO", "restart-agent: DE"), "x.yaml"))
            .hasMessageContaining("step 2 (restart-agent): restart-agent: unknown region 'DE'; regions: [FR, CO]");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("kind: multi-delete", "kind: increment"), "x.yaml"))
            .hasMessageContaining("step 7 (write): increment needs a table of shape counters");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("breaks: INV-CONV", "breaks: INV-FOO"), "x.yaml"))
            .hasMessageContaining("unknown invariant 'INV-FOO'");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("keys: 0-9", "keys: 9-0"), "x.yaml"))
            .hasMessageContaining("key range 9-0 ends before it starts");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("LWW_REVERSED", "LWW_BACKWARDS"), "x.yaml"))
            .hasMessageContaining("mutant: no reference mutant 'LWW_BACKWARDS'");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("seed: 7", "sede: 7"), "x.yaml"))
            .hasMessageContaining("unknown field 'sede'");
        assertThatThrownBy(() -> ScenarioFile.parse("id: x\nsteps: [\n", "broken.yaml"))
            .hasMessageStartingWith("broken.yaml: not YAML");
        assertThatThrownBy(() -> ScenarioFile.parse(GOOD.replace("timeout: 20s", "timeout: soon"), "x.yaml"))
            .hasMessageContaining("repeated step 1 (quiesce): duration 'soon'");
    }

    @Test
    void everyFixtureReads() {
        for (var f : ScenarioFolder.files(ScenarioFolder.DEFAULT)) {
            Scenario s = ScenarioFile.read(f);
            assertThat(f.getFileName().toString()).as("file name starts with the id").startsWith(s.id());
            assertThat(s.mutant() == null || s.breaks() != null).as("%s names the invariant its mutant breaks", f).isTrue();
        }
    }
}
