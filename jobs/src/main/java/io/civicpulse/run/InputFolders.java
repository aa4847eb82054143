package io.civicpulse.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;

/**
 * Checks an input folder a dashboard user names (for a run now or a schedule): it must be a readable directory
 * inside {@code civicpulse.runs.input-root}, after resolving {@code ..} and symbolic links.
 */
@Component
@EnableConfigurationProperties(RunsProperties.class)
public class InputFolders {

    /** Why a folder cannot be used; each reads in words through {@link InvalidInputFolder#getMessage()}. */
    public enum Problem {
        BLANK, OUTSIDE_ROOT, MISSING, NOT_A_DIRECTORY, UNREADABLE
    }

    /** A folder that cannot be a run's input; {@code problem} lets the dashboard word it in the reader's language. */
    public static final class InvalidInputFolder extends IllegalArgumentException {

        private final Problem problem;
        private final String folder;

        InvalidInputFolder(Problem problem, String folder, String message) {
            super(message);
            this.problem = problem;
            this.folder = folder;
        }

        public Problem problem() {
            return problem;
        }

        public String folder() {
            return folder;
        }
    }

    private final Path root;

    InputFolders(RunsProperties runs, CivicPulseProperties properties) {
        this.root = (runs.inputRoot() == null ? properties.homeDirectory().resolve("inbox") : runs.inputRoot())
                .toAbsolutePath().normalize();
    }

    /** The folder inputs must lie in. */
    public Path root() {
        return root;
    }

    /**
     * The folder, absolute and checked.
     *
     * @throws InvalidInputFolder when it is blank, outside the root, missing, not a folder or not readable
     */
    public Path check(String folder) {
        if (folder == null || folder.isBlank()) {
            throw new InvalidInputFolder(Problem.BLANK, "", "name the input folder");
        }
        Path path = root.resolve(folder.strip()).toAbsolutePath().normalize();
        if (!path.startsWith(root)) {
            throw new InvalidInputFolder(Problem.OUTSIDE_ROOT, folder,
                    "the input folder " + folder + " is not inside " + root + " (civicpulse.runs.input-root)");
        }
        if (!Files.exists(path)) {
            throw new InvalidInputFolder(Problem.MISSING, folder, "there is no folder " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputFolder(Problem.NOT_A_DIRECTORY, folder, path + " is not a folder");
        }
        try {
            // A link inside the root may point anywhere: judge where it leads.
            Path real = path.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new InvalidInputFolder(Problem.OUTSIDE_ROOT, folder,
                        "the input folder " + folder + " leads outside " + root + " (civicpulse.runs.input-root)");
            }
        } catch (IOException e) {
            throw new InvalidInputFolder(Problem.UNREADABLE, folder, path + " cannot be read: " + e.getMessage());
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            throw new InvalidInputFolder(Problem.UNREADABLE, folder, path + " cannot be read");
        }
        return path;
    }
}
