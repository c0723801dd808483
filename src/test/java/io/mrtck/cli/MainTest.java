package io.mrtck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpAndUsageErrors() {
        assertThat(Main.run("--help")).isZero();
        assertThat(Main.run("region", "--help")).isZero();
        assertThat(Main.run("region")).as("--root is required").isEqualTo(2);
        assertThat(Main.run("region", "--root", "x", "--port", "notaport")).isEqualTo(2);
        assertThat(Main.run(new String[0])).as("a subcommand is required").isEqualTo(2);
    }
}
