package io.civicpulse.cli;

import java.util.List;

import io.civicpulse.support.PublishedComments;

/** The contract on the embedded default: H2 in file mode under {@code civicpulse.home}. */
class RunAndExportIntegrationTests extends RunAndExportContract {

    @Override
    List<String> databaseOptions() {
        return List.of();
    }

    @Override
    List<String> publishedComments() {
        return PublishedComments.ofHome(home);
    }
}
