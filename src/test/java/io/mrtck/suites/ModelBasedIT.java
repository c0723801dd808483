package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.mrtck.checker.Checker;
import io.mrtck.checker.TimelineSvg;
import io.mrtck.checker.Verdict;
import io.mrtck.client.RegionClients;
import io.mrtck.harness.EngineUnderTest;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.RunSettings;
import io.mrtck.topology.Topology;
import io.mrtck.workload.ModelRun;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The regions against the specification, not only against each other: random writes of every
 * kind from a fixed seed, in rounds with agents paused (conflicts, ties), streaming with an agent
 * killed or a link cut, clocks jumped days ahead (expiry) and tables initialised from existing
 * rows; after each round every region is compared with the executable model of the documented
 * semantics ({@link io.mrtck.model.MrModel}). The history of the run is kept in
 * {@code target/histories/}. Size and seed: {@code -Dmrtck.model.ops} (default 400),
 * {@code -Dmrtck.model.seed}.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Model-based random runs")
class ModelBasedIT {
    private final Topology topology;
    private final RegionClients clients;

    ModelBasedIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    /** Writes of a run by default; {@code -Dmrtck.model.ops} overrides. */
    int defaultOperations() {
        return 400;
    }

    @Test
    @DisplayName("every region holds what the model of the documented semantics predicts, round after round")
    void regionsHoldWhatTheModelPredicts() {
        long seed = Long.parseLong(RunSettings.get("mrtck.model.seed", "20261130"));
        int ops = Integer.parseInt(RunSettings.get("mrtck.model.ops", Integer.toString(defaultOperations())));
        ModelRun run = new ModelRun(topology, clients, MrFixture.table("Mb") + "_",
            new ModelRun.Settings(seed, ops, 16, 8, MrFixture.convergeTimeout(), MrFixture.firstWriteTimeout(),
                EngineUnderTest.isReference()));
        ModelRun.Result result;
        Verdict verdict = null;
        try {
            result = run.run();
            verdict = Checker.standard().check(run.history());
        } finally {
            Path file = Path.of("target", "histories", getClass().getSimpleName() + "-seed" + seed + ".jsonl");
            run.history().writeJsonLines(file);
            Allure.addAttachment("history of the run (JSON lines: " + file + ")", "text/plain", "" + run.history().size()
                + " operations, kept in " + file.toAbsolutePath(), ".txt");
            Allure.addAttachment("timeline", "image/svg+xml", TimelineSvg.render(run.history(), verdict), ".svg");
        }
        System.out.println("model run, seed " + seed + ": " + result.operations() + " writes, rounds " + result.rounds()
            + ", " + run.history().size() + " operations in the history");
        assertThat(result.agrees()).as(result::describe).isTrue();
        assertThat(verdict.ok()).as(verdict::describe).isTrue();
        assertThat(result.operations()).as("writes made").isGreaterThanOrEqualTo(ops);
    }
}
