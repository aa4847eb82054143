package io.civicpulse.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and {@code n} workers, each its own JVM started from
 * the Maven jars the build copies to {@code target/spark-home/jars} (no Spark distribution is needed). The
 * settings are the ones {@code shared/notes/spark-cluster.md} found to work: a stand-in SPARK_HOME, the Scala
 * version in the environment, loopback addresses everywhere.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final List<Process> processes = new ArrayList<>();
    private final Path sparkHome;
    private final Path logs;
    private final int masterPort;
    private final int masterWebPort;

    private StandaloneCluster(Path sparkHome, Path logs) throws IOException {
        this.sparkHome = sparkHome;
        this.logs = logs;
        this.masterPort = freePort();
        this.masterWebPort = freePort();
    }

    /** Starts the master and the workers and returns once all workers have registered with the master. */
    static StandaloneCluster start(Path sparkHome, Path workDir, int workers, int workerMemoryMb)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalStateException(sparkHome.resolve("jars") + " is missing: the build's "
                    + "copy-dependencies step (pre-integration-test) creates it");
        }
        writeLoggingConfiguration(Files.createDirectories(sparkHome.resolve("conf")));
        StandaloneCluster cluster = new StandaloneCluster(sparkHome, Files.createDirectories(workDir.resolve("logs")));
        try {
            cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterWebPort));
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(workDir.resolve("worker-" + i));
                cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()),
                        "--cores", "1", "--memory", workerMemoryMb + "m", "--work-dir", work.toString(),
                        cluster.masterUrl());
            }
            cluster.awaitWorkers(workers, Duration.ofSeconds(90));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The daemons and executors log through SLF4J to Logback (the build excludes Spark's Log4j binding), which
     * without a configuration logs everything at DEBUG; {@code conf} is on their class path.
     */
    private static void writeLoggingConfiguration(Path conf) throws IOException {
        Files.writeString(conf.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                  <logger name="org.apache.spark.deploy" level="INFO"/>
                </configuration>
                """);
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", sparkHome.resolve("conf") + java.io.File.pathSeparator + sparkHome.resolve("jars") + "/*"));
        // The same --add-opens flags this JVM got from the build: Spark's daemons need them on Java 17+.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-Dio.netty")
                        || arg.startsWith("-Djdk.reflect"))
                .toList());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPARK_HOME", sparkHome.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        processes.add(builder.start());
    }

    /** Polls the master's status page (JSON) until {@code expected} workers are alive. */
    private void awaitWorkers(int expected, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + masterWebPort + "/json/");
        Instant deadline = Instant.now().plus(timeout);
        int alive = 0;
        while (Instant.now().isBefore(deadline)) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with status " + process.exitValue()
                            + "; see the logs in " + logs);
                }
            }
            try {
                String body = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher matcher = ALIVE_WORKERS.matcher(body);
                alive = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
                if (alive >= expected) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(alive + " of " + expected + " Spark workers registered within " + timeout
                + "; see the logs in " + logs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        // Workers first, so the master does not log their loss as a failure worth retrying.
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes.reversed()) {
            try {
                if (!process.waitFor(java.time.Duration.ofSeconds(15).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
