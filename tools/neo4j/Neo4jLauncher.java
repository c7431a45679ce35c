/*
 * A local Neo4j Community server for development and tests: an embedded
 * DatabaseManagementService with the Bolt connector on 127.0.0.1.
 *
 * Run (start.sh does this):
 *   java -cp "$(cat tools/neo4j/target/classpath.txt)" tools/neo4j/Neo4jLauncher.java .neo4j/home
 *
 * Or, without any network connector, run the `;`-ended statements of a Cypher file on a
 * database of a home and stop (import.sh creates the loader's constraints this way):
 *   java -cp ... tools/neo4j/Neo4jLauncher.java --run HOME FILE [DATABASE]
 *
 * Environment: NEO4J_BOLT_PORT (default 7687), NEO4J_USER / NEO4J_PASSWORD (default
 * neo4j / vnkg-test-pass, for this local test server only). Credentials are read from the
 * environment only and never printed. Stops cleanly on SIGTERM (a JVM shutdown hook).
 */

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public final class Neo4jLauncher {
    private static final String DEFAULT_USER = "neo4j";
    private static final String DEFAULT_PASSWORD = "vnkg-test-pass";

    private Neo4jLauncher() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length >= 3 && args[0].equals("--run")) {
            run(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]), args.length > 3 ? args[3] : "neo4j");
            return;
        }
        Path home = Path.of(args.length > 0 ? args[0] : ".neo4j/home").toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        DatabaseManagementService service = build(home, port);
        setCredentials(service, env("NEO4J_USER", DEFAULT_USER), env("NEO4J_PASSWORD", DEFAULT_PASSWORD));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("vnkg-neo4j: stopping");
            service.shutdown();
            System.out.println("vnkg-neo4j: stopped");
            stopped.countDown();
        }));
        System.out.println("vnkg-neo4j: ready, Bolt on 127.0.0.1:" + port + ", home " + home);
        stopped.await();
    }

    private static void run(Path home, Path file, String database) throws IOException {
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, false)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.initial_default_database, database)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
            .build();
        try {
            GraphDatabaseService db = service.database(database);
            int count = 0;
            for (String statement : Files.readString(file).split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    db.executeTransactionally(statement);
                    count++;
                }
            }
            System.out.println("vnkg-neo4j: ran " + count + " statements of " + file + " on " + database);
        } finally {
            service.shutdown();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static DatabaseManagementService build(Path home, int port) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        // a cap on one transaction's memory (e.g. 16m), as a server set up tight would have
        String txMax = env("NEO4J_TX_MAX", "");
        if (!txMax.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.parse(txMax));
        }
        return builder
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
            // keep only the transaction log recovery needs, not Neo4j's default 2 days of
            // them: Bolt loads of some 30,000 synthetic articles left 31 GB and filled the disk
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
            // a test server: do not linger 2 x 5 s in Netty's graceful shutdown
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
            .build();
    }

    /** Sets the one login of this server; embedded access bypasses auth, so this is allowed. */
    private static void setCredentials(DatabaseManagementService service, String user, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Map<String, Object> params = Map.of("user", user, "password", password);
        system.executeTransactionally(
            "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED", params);
        try {
            system.executeTransactionally(
                "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
        } catch (RuntimeException samePassword) {
            // Neo4j refuses to "change" a password to its current value: nothing to do.
        }
    }
}
