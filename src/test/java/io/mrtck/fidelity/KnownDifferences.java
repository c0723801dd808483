package io.mrtck.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases of the real-engine catalogue that the reference is known to answer differently,
 * read from the Markdown table of {@code docs/real-engine-differences.md}: rows of the form
 * {@code | `case.name` | what differs | why |}. A row without a reason is refused.
 */
final class KnownDifferences {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9_.]+)`\\s*\\|(.*)\\|\\s*$");

    private KnownDifferences() {
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return cases;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher m = ROW.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String reason = m.group(2).replace("|", " ").strip();
            if (reason.length() < 10) {
                throw new IllegalStateException(file + ": case " + m.group(1) + " is listed without a reason");
            }
            if (cases.put(m.group(1), reason) != null) {
                throw new IllegalStateException(file + ": case " + m.group(1) + " is listed twice");
            }
        }
        return cases;
    }
}
