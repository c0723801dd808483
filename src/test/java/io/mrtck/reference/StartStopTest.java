package io.mrtck.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region closes idempotently and restarts on its directory and port. How fast it starts
 * is measured by {@code mrtck bench}, not asserted here.
 */
class StartStopTest {
    @TempDir
    Path root;

    @Test
    void closeIsIdempotentAndARestartReusesDirectoryAndPort() {
        ReferenceRegion first = ReferenceRegion.start(RegionOptions.of(root));
        int port = first.port();
        first.close();
        first.close();
        ReferenceRegion again = ReferenceRegion.start(RegionOptions.of(root).withPort(port));
        try {
            assertThat(again.endpoint()).isEqualTo("http://localhost:" + port);
            assertThat(again.root()).isEqualTo(root);
        } finally {
            again.close();
        }
    }
}
