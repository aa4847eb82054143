package io.civicpulse.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.civicpulse.cli.CivicPulseJobsApplication;

/**
 * The batch command line run in this JVM, as {@code java -jar civicpulse-jobs.jar} would run it, through the entry
 * point {@code main} uses (package-private, hence the reflection; {@code main} itself would exit the JVM). The
 * benchmark times child processes; the differential test needs only the results, and one JVM is faster.
 */
record InProcessCommandLine(int exitStatus, String out, String err) {

    static InProcessCommandLine run(String command, List<String> common, String... options) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(options));
        args.addAll(common);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Method execute = CivicPulseJobsApplication.class.getDeclaredMethod("execute", String[].class,
                    PrintStream.class, PrintStream.class);
            execute.setAccessible(true);
            status = (int) execute.invoke(null, args.toArray(String[]::new), o, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the command line threw instead of returning an exit status",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CivicPulseJobsApplication.execute(String[], PrintStream, PrintStream)"
                    + " is gone: update this helper", e);
        }
        return new InProcessCommandLine(status, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
