package io.mrtck.topology.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.testcontainers.containers.output.OutputFrame;

/** A container's output, appended to a file of the topology's directory as it comes (kept for the report). */
record ContainerLog(Path file) implements Consumer<OutputFrame> {
    @Override
    public void accept(OutputFrame frame) {
        try {
            Files.writeString(file, frame.getUtf8String(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the report loses a line; the run goes on
        }
    }
}
