package io.mrtck.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.model.ModelTable;
import io.mrtck.model.RowValues;
import io.mrtck.model.Shown;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.Version;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;

/** Reads one row in a region through the SDK, as the model compares it, and records the read. */
public final class SdkReader {
    private final History history;
    private final String process;

    public SdkReader(History history, String process) {
        this.history = history;
        this.process = process;
    }

    /** A row read, with the SDK version a conditional write can match. */
    public record Read(Shown shown, Version version) {
    }

    public Read read(String region, NoSQLHandle h, ModelTable t, String key) {
        var op = history.invoke(process, region, Op.Kind.READ).row(t.name(), key);
        GetResult r = h.get(new GetRequest().setTableName(t.name())
            .setKey(SdkWriter.map((ObjectNode) parse(key))));
        if (r.getValue() == null) {
            op.ok();
            return new Read(Shown.ABSENT, null);
        }
        JsonNode value = parse(r.getValue().toJson());
        op.value(value.toString()).times(r.getModificationTime(), r.getExpirationTime()).ok();
        return new Read(new Shown(value, r.getModificationTime(), r.getExpirationTime()), r.getVersion());
    }

    private static JsonNode parse(String json) {
        try {
            return RowValues.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
