package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUnavailableIntegrationTests {

    @Test
    void aRunWhoseDatabaseIsUnreachableFailsWithOneLineAndExitStatusOne(@TempDir Path home) {
        // given a database URL where nothing listens
        List<String> options = List.of("--civicpulse.home=" + home,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/civicpulse?connectTimeout=2",
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.initialization-fail-timeout=1");

        // when
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", options, "--input=" + home,
                "--from=2026-03-02", "--to=2026-03-02"));

        // then
        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("civicpulse run failed: ").containsIgnoringCase("refused");
    }
}
