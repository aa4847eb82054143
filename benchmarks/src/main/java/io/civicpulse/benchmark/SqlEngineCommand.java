package io.civicpulse.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.civicpulse.kpi.KpiParameters;

/**
 * One SQL engine over one input folder, as its own process, so the benchmark measures it as it measures the Spark
 * job: {@code --engine=postgres|duckdb --input=DIR --from=DATE --to=DATE --output=FILE [--config=YAML]
 * [--postgres-url=URL --postgres-user=U --postgres-password=P]}. The last line it prints carries its timings.
 */
public final class SqlEngineCommand {

    /** Prefix of the line that carries the timings, read back by {@link Benchmark}. */
    static final String TIMINGS = "timings:";

    private SqlEngineCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        LocalDate from = LocalDate.parse(options.required("from"));
        LocalDate to = LocalDate.parse(options.required("to"));
        Path config = options.get("config").map(Path::of).orElse(null);
        KpiParameters parameters = EngineConfiguration.parameters(config, List.of(args), from, to);
        Path input = Path.of(options.required("input"));
        Path output = Path.of(options.required("output"));
        String engine = options.required("engine");
        SqlKpiEngine.Timings timings;
        Duration serverCpu = null;
        switch (engine) {
            case "postgres" -> {
                PostgresKpiEngine postgres = new PostgresKpiEngine(
                        options.get("postgres-url").orElse("jdbc:postgresql://127.0.0.1:5432/test"),
                        options.get("postgres-user").orElse("postgres"),
                        options.get("postgres-password").orElse(""),
                        "civicpulse_benchmark_" + ProcessHandle.current().pid());
                timings = postgres.compute(input, parameters, output);
                serverCpu = postgres.serverCpu();
            }
            case "duckdb" -> timings = new DuckDbKpiEngine().compute(input, parameters, output);
            default -> throw new IllegalArgumentException("--engine must be postgres or duckdb, was " + engine);
        }
        System.out.println(TIMINGS + " load-ms=" + timings.load().toMillis() + " query-ms=" + timings.query().toMillis()
                + " rows=" + timings.rows() + " server-cpu-ms=" + (serverCpu == null ? -1 : serverCpu.toMillis()));
    }
}
