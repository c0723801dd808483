package io.mrtck.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.checker.Checker;
import io.mrtck.checker.TimelineSvg;
import io.mrtck.checker.Verdict;
import io.mrtck.client.RegionClients;
import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.model.Disagreement;
import io.mrtck.model.ModelTable;
import io.mrtck.model.MrModel;
import io.mrtck.model.RowValues;
import io.mrtck.model.Shown;
import io.mrtck.model.Write;
import io.mrtck.workload.DisagreementReport;
import io.mrtck.workload.SdkReader;
import io.mrtck.workload.SdkWriter;
import io.qameta.allure.Allure;

/**
 * A suite's MR table whose writes go through the model as well as the SDK, and are recorded in a
 * history: after convergence, every region is compared with what the model of the documented
 * semantics says replication must have made of those writes (rows, values, counters, modification
 * and expiration times), and the history is judged by the checker. Writes may come from one
 * thread per region; the model follows each region's own order.
 */
public final class ModelledTable {
    private final MrFixture mr;
    private final RegionClients clients;
    private final ModelTable table;
    private final MrModel model;
    private final History history = new History();
    private final Map<String, SdkWriter> writers = new ConcurrentHashMap<>();
    private final SdkReader reader = new SdkReader(history, "checker");

    public ModelledTable(MrFixture mr, RegionClients clients, ModelTable table) {
        this.mr = mr;
        this.clients = clients;
        this.table = table;
        this.model = new MrModel(mr.regionNames(), List.of(table));
        List<String> regions = mr.regionNames();
        for (String r : regions) {
            mr.ddl(r, table.ddl(regions));
        }
        history.invoke("client", String.join(",", regions), Op.Kind.TABLE).row(table.name(), null)
            .counters(table.counterPaths()).note(table.ddl(regions)).ok();
    }

    public String name() {
        return table.name();
    }

    /** A row of this table with the given columns (counters at 0, as a put must carry them). */
    public ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = RowValues.JSON.createObjectNode();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.putPOJO((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        table.counterPaths().stream().filter(p -> !p.contains(".")).forEach(p -> row.put(p, 0));
        return (ObjectNode) RowValues.normalized(row);
    }

    /** Makes {@code w} in {@code region} as SQL and asserts the region did what the model says it does. */
    public void write(String region, Write w) {
        SdkWriter writer = writers.computeIfAbsent(region, r -> new SdkWriter(history, "client-" + r));
        long invoke = System.currentTimeMillis();
        boolean applied = writer.write(region, clients.handle(region), table, w, null, true, List.of()).applied();
        long complete = System.currentTimeMillis();
        boolean expected;
        synchronized (model) {
            expected = model.write(region, w, invoke, complete);
        }
        assertThat(applied).as("%s in %s: the region's answer (the model says it %s)", w, region,
            expected ? "applies" : "does not apply").isEqualTo(expected);
    }

    /**
     * Waits until the regions agree (bounded like {@link MrFixture#converge}), then compares each
     * region with the model and judges the history; the failure names the region, key and field
     * that differ from the model and what the history says happened to that key.
     */
    public void assertEveryRegionMatchesTheModel() {
        mr.converge(table.name(), table.primaryKey().toArray(String[]::new));
        history.invoke("checker", String.join("-", mr.regionNames()), Op.Kind.QUIESCE).ok();
        List<Disagreement> found = new ArrayList<>();
        synchronized (model) {
            model.replicate(System.currentTimeMillis());
            for (String key : model.keys(table.name())) {
                Map<String, Shown> byRegion = new LinkedHashMap<>();
                mr.regionNames().forEach(r -> byRegion.put(r, reader.read(r, clients.handle(r), table, key).shown()));
                found.addAll(model.checkConverged(table.name(), key, byRegion, System.currentTimeMillis()));
            }
        }
        Verdict verdict = Checker.standard().check(history);
        if (!found.isEmpty() || !verdict.ok()) {
            Allure.addAttachment("timeline of " + table.name(), "image/svg+xml", TimelineSvg.render(history, verdict), ".svg");
        }
        assertThat(found).as(() -> DisagreementReport.describe("regions that differ from the model on " + table.name()
            + ":", found, history)).isEmpty();
        assertThat(verdict.ok()).as(verdict::describe).isTrue();
    }
}
