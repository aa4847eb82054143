package io.civicpulse.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The batch command line of interfaces.md: {@code java -jar civicpulse-jobs.jar <command> [--option=value ...]}.
 * Exit status 0 on success, 1 on a failure (one line on standard error naming the file, and line where there
 * is one), 2 on a usage error.
 */
@SpringBootApplication(scanBasePackages = "io.civicpulse")
public class CivicPulseJobsApplication {

    static final String USAGE = """
            Usage: java -jar civicpulse-jobs.jar <command> [--option=value ...] [--spring.property=value ...]

              run --input=DIR [--from=DATE --to=DATE]
                  ingest every feed file in DIR, then recompute every KPI period that contains a date in
                  [from, to] (default: the previous local day)
              export --output=FILE|- [--grain=DAY|WEEK|MONTH|QUARTER] [--from=DATE --to=DATE]
                  write the published KPI results as CSV
              rejects --output=FILE|-
                  write the reject report of the latest run: file,line,column,reason
              generate --output=DIR --from=DATE --to=DATE [--scale=N] [--seed=N] [--compress=true]
                  write synthetic feeds for that date range (--scale=1 is a mid-size city)
              import --format=nyc311|la311|boston311|open311 --input=FILE --output=DIR [--time-zone=ZONE]
                  translate an open-data export into canonical feeds in DIR (times are local to the source's
                  city: America/New_York, America/Los_Angeles, America/New_York; open311: civicpulse.city.time-zone)

            Dates are YYYY-MM-DD local dates in civicpulse.city.time-zone.
            """;

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "run", Set.of("input", "from", "to"),
            "export", Set.of("output", "grain", "from", "to"),
            "rejects", Set.of("output"),
            "generate", Set.of("output", "from", "to", "scale", "seed", "compress"),
            "import", Set.of("format", "input", "output", "time-zone"));

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (!OPTIONS.containsKey(command)) {
                throw new CommandLineOptions.UsageException("unknown command '" + command + "'");
            }
            CommandLineOptions options = CommandLineOptions.parse(command, rest, OPTIONS.get(command));
            if (command.equals("generate")) {
                return new GenerateCommand(out).execute(options, rest);
            }
            if (command.equals("import")) {
                return new ImportCommand(out).execute(options, rest);
            }
            try (ConfigurableApplicationContext context = springContext(rest)) {
                return context.getBean(Commands.class).execute(options, out, err);
            }
        } catch (CommandLineOptions.UsageException e) {
            err.println("civicpulse: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("civicpulse " + command + " failed: " + oneLine(e));
            return 1;
        }
    }

    private static ConfigurableApplicationContext springContext(String[] args) {
        return new SpringApplicationBuilder(CivicPulseJobsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        // The console is for progress and the one-line result; the full log goes to a file.
                        "logging.threshold.console", "OFF",
                        "logging.file.name", "${civicpulse.home:./data}/logs/civicpulse-jobs.log",
                        "logging.level.org.apache.hadoop.util.NativeCodeLoader", "ERROR"))
                .run(args);
    }

    /** The deepest cause's message; a database error's own message where there is one, as it names the server. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        Throwable database = null;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof java.sql.SQLException) {
                database = root;
            }
        }
        Throwable chosen = database != null ? database : root;
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
