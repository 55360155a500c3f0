package dev.baton.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real PostgreSQL binaries started from a jar, used when no {@code spring.datasource.url} is set.
 *
 * <p>One server per JVM, stopped at JVM exit once every Spring context has closed (a Spring Boot
 * shutdown handler), not with one context: test suites open several contexts, and a database closed
 * before Hikari lets go makes the JVM wait 30 s at exit.
 * Not in the packaged jar (an optional dependency): {@link RunModes} then asks for a database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = RunModes.POSTGRES_CLASS)
@ConditionalOnProperty(name = "baton.embedded.postgres.enabled", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "baton";
    private static EmbeddedPostgres server;
    /** Spring contexts that asked for a database so far in this JVM. */
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    /**
     * A database of its own for each Spring context on the one server: {@code baton} for the first
     * (the sandbox has only that one), {@code baton_2}, {@code baton_3}, ... for the contexts a test
     * suite opens beside it. Each context runs its own in-memory engine, whose keys start over at
     * the same number, and keeps its job workers running while cached: sharing one database, a job
     * of one context's engine found another context's task row under the same job key and canceled
     * it as left over from an engine reset (a test then waited in vain for its step).
     *
     * @param initSql run on each new connection, as for an external database's pool (see application.yml)
     */
    @Bean
    DataSource dataSource(@Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        EmbeddedPostgres pg = server();
        int context = CONTEXTS.incrementAndGet();
        String database = context == 1 ? DATABASE : DATABASE + "_" + context;
        createDatabase(pg, database);
        HikariDataSource ds = new HikariDataSource();
        if (!initSql.isBlank()) {
            ds.setConnectionInitSql(initSql);
        }
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", database));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("baton-embedded");
        return ds;
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // its own shutdown hook would stop it while the contexts still close (see below)
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            // after every Spring context has closed: stopped sooner, the pools and the workers still
            // closing wait on their connection timeout (30 s), and the JVM with them
            SpringApplication.getShutdownHandlers().add(() -> close(started));
            log.info("Embedded PostgreSQL started on port {} (data is temporary)", server.getPort());
        }
        return server;
    }

    private static void createDatabase(EmbeddedPostgres pg, String database) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!rs.next()) {
                st.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the embedded database", e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            // the JVM is exiting: nothing more to do than say so
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static int port() {
        return server().getPort();
    }
}
