package io.mrtck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the {@code TEST-*.xml} files Surefire and Failsafe write. */
public final class JUnitXmlReader {
    private JUnitXmlReader() {
    }

    public static List<TestOutcome> read(Path directory) throws IOException {
        List<TestOutcome> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                out.addAll(readFile(f));
            }
        }
        return out;
    }

    private static List<TestOutcome> readFile(Path file) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IOException("cannot read test report " + file + ": " + e.getMessage(), e);
        }
        List<TestOutcome> out = new ArrayList<>();
        String suiteClass = doc.getDocumentElement().getAttribute("name");
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            String status = "PASSED";
            String detail = "";
            for (String kind : List.of("failure", "error", "skipped")) {
                NodeList n = c.getElementsByTagName(kind);
                if (n.getLength() > 0) {
                    Element e = (Element) n.item(0);
                    status = kind.equals("skipped") ? "SKIPPED" : kind.equals("failure") ? "FAILED" : "ERROR";
                    detail = e.getAttribute("message");
                    if (detail.isBlank()) {
                        // an aborted test (failed assumption) has its reason only in the stack trace text
                        String text = e.getTextContent().strip();
                        detail = text.isEmpty() ? "" : text.split("\n")[0]
                            .replaceFirst("^org\\.opentest4j\\.TestAbortedException: (Assumption failed: )?", "");
                    }
                }
            }
            double seconds = c.getAttribute("time").isEmpty() ? 0 : Double.parseDouble(c.getAttribute("time").replace(",", ""));
            out.add(new TestOutcome(shortName(c.getAttribute("classname")), c.getAttribute("name"), status, seconds, detail,
                suiteClass));
        }
        return out;
    }

    private static String shortName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
