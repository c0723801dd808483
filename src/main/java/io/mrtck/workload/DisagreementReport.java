package io.mrtck.workload;

import java.util.List;

import io.mrtck.history.History;
import io.mrtck.model.Disagreement;

/** Disagreements with the model, each with what the history says happened to its key. */
public final class DisagreementReport {
    private DisagreementReport() {
    }

    public static String describe(String headline, List<Disagreement> disagreements, History history) {
        StringBuilder b = new StringBuilder(headline);
        for (Disagreement d : disagreements) {
            b.append("\n  ").append(d).append("\n    history of the key:");
            history.ops().stream().filter(o -> d.key().equals(o.key()) && d.table().equalsIgnoreCase(o.table()))
                .forEach(o -> b.append("\n      #").append(o.index()).append(' ').append(o.region()).append(' ')
                    .append(o.kind()).append(o.applied() == null ? "" : o.applied() ? "" : " (not applied)")
                    .append(o.value() == null ? "" : " " + o.value())
                    .append(o.note() == null ? "" : " [" + o.note() + "]")
                    .append(o.modificationTime() == null ? "" : " modified " + o.modificationTime()));
        }
        return b.toString();
    }
}
