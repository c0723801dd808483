package io.mrtck.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.mrtck.history.Op;

class TimelineSvgTest {

    @Test
    void drawsAWellFormedTimelineWithLanesLegendFaultsLagAndViolations() throws Exception {
        ValidRun run = new ValidRun();
        List<Op> mutated = run.editFinal("K", run.showing("kFr"));
        Verdict verdict = Checker.standard().check(mutated);
        assertThat(verdict.ok()).isFalse();

        String svg = TimelineSvg.render(mutated, verdict);
        Document doc = parse(svg);

        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        List<String> texts = texts(doc);
        assertThat(texts).contains("FR", "CO", "faults", "lag (ms)", "delete", "increment", "read", "failed (FAIL)",
            "indeterminate (INFO)", "in a violation", "quiesce");
        assertThat(texts).anyMatch(t -> t.startsWith("pause agent FR"));
        assertThat(texts).anyMatch(t -> t.contains("laggingMs.max, agent CO ← FR"));
        assertThat(texts).anyMatch(t -> t.endsWith(" ms"));
        assertThat(svg).contains("class=\"violation\"").contains("<polyline");
        long violations = svg.split("class=\"violation\"", -1).length - 1;
        assertThat(violations).isEqualTo(verdict.violations().stream().flatMap(v -> v.ops().stream()).distinct().count());
    }

    @Test
    void escapesWhatTheHistoryCarries() throws Exception {
        Script s = new Script();
        s.add(Op.Kind.FAULT, "FR", null, null, x -> x.note = "partition <FR & CO> \"both\" 'ways'");
        s.put("FR", "t", "{\"id\":\"<&>\"}", "{\"id\":\"<&>\"}");
        Document doc = parse(TimelineSvg.render(s.history(), null));
        assertThat(texts(doc)).anyMatch(t -> t.startsWith("partition <FR & CO> \"both\" 'ways'"));
    }

    @Test
    void anEmptyHistoryStillDraws() throws Exception {
        assertThat(parse(TimelineSvg.render(List.of(), null)).getDocumentElement().getNodeName()).isEqualTo("svg");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
