package dev.baton.embedded;

import dev.baton.embedded.PortsInUse.Port;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Before anything starts, checks that the ports Baton will listen on are free, and stops the start with
 * one message naming each taken port and the setting that moves it ({@link PortsInUse}). Without it a
 * second sandbox found out one port at a time, late and obscurely: GreenMail's "Could not start mail
 * server imap:127.0.0.1:3143, try to set server startup timeout &gt; 2000", the engine's gRPC bind error,
 * or Boot's "Port 8080 was already in use" after the whole start-up work.
 *
 * <p>Checked: the web server's port when this context starts one (not a test's mock web environment),
 * and the embedded engine's and mail server's ports when they run ({@link RunModes} decides). Port 0
 * (any free port) is not checked; the embedded PostgreSQL takes a free port of its own. Registered in
 * META-INF/spring.factories.
 */
class PortCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<Port> taken = ports(context.getEnvironment(), context instanceof WebServerApplicationContext).stream()
                .filter(PortCheck::taken)
                .toList();
        if (!taken.isEmpty()) {
            throw new PortsInUse(taken);
        }
    }

    /** The fixed ports this Baton will listen on, from the settings {@link RunModes} has resolved. */
    static List<Port> ports(Environment env, boolean webServer) {
        List<Port> ports = new ArrayList<>();
        if (webServer) {
            add(ports, "the web server", env.getProperty("server.address"), env, "server.port", "PORT");
        }
        if (env.getProperty("baton.embedded.engine.enabled", Boolean.class, false)) {
            String address = env.getProperty("baton.embedded.engine.address", "127.0.0.1");
            add(ports, "the embedded engine (gRPC)", address, env, "baton.embedded.engine.port", "BATON_ENGINE_PORT");
        }
        if (env.getProperty("baton.embedded.mail.enabled", Boolean.class, false)) {
            // EmbeddedMailConfiguration binds 127.0.0.1
            add(
                    ports,
                    "the embedded mail server (SMTP)",
                    "127.0.0.1",
                    env,
                    "baton.embedded.mail.smtp-port",
                    "BATON_MAIL_SMTP_PORT");
            add(
                    ports,
                    "the embedded mail server (IMAP)",
                    "127.0.0.1",
                    env,
                    "baton.embedded.mail.imap-port",
                    "BATON_MAIL_IMAP_PORT");
            add(
                    ports,
                    "the embedded mail server (POP3)",
                    "127.0.0.1",
                    env,
                    "baton.embedded.mail.pop3-port",
                    "BATON_MAIL_POP3_PORT");
        }
        return ports;
    }

    private static void add(
            List<Port> ports, String what, String address, Environment env, String key, String setting) {
        Integer port = env.getProperty(key, Integer.class);
        if (port != null && port > 0 && port <= 65_535) {
            ports.add(new Port(what, address == null || address.isBlank() ? null : address, port, setting));
        }
    }

    /**
     * Whether something else holds {@code port}: binding it fails while binding another port of the same
     * address works. An address this machine does not have fails both ways: not a taken port, so the
     * server that binds it reports that itself.
     */
    static boolean taken(Port port) {
        InetAddress address;
        try {
            address = port.address() == null ? null : InetAddress.getByName(port.address());
        } catch (IOException unresolved) {
            return false;
        }
        return !bindable(address, port.port()) && bindable(address, 0);
    }

    private static boolean bindable(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers bind: a port whose last connection is still closing (TIME_WAIT) is not taken
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
