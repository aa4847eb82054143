package io.civicpulse.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.civicpulse.cli.CivicPulseJobsApplication;

/**
 * Runs the batch command line in this JVM, as {@code java -jar civicpulse-jobs.jar} would, capturing its output.
 * Goes through the same entry point as {@code main} (which would exit the JVM); that entry point is package-private
 * to {@code io.civicpulse.cli}, hence the reflection.
 */
public record JobsCommandLine(int exitStatus, String out, String err) {

    public static JobsCommandLine run(String command, List<String> common, String... options) {
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
        return new JobsCommandLine(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
