package io.mrtck.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario files of a folder ({@code fixtures/scenarios}), in file-name order. */
public final class ScenarioFolder {
    public static final Path DEFAULT = Path.of("fixtures", "scenarios");

    private ScenarioFolder() {
    }

    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + dir, e);
        }
    }
}
