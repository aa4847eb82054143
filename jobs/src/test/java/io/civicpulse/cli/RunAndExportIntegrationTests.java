package io.civicpulse.cli;

import java.util.List;

/** The contract on the embedded default: H2 in file mode under {@code civicpulse.home}. */
class RunAndExportIntegrationTests extends RunAndExportContract {

    @Override
    List<String> databaseOptions() {
        return List.of();
    }
}
