package dev.baton.notification;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where links in mails point: {@code baton.mail.base-url} ({@code BATON_BASE_URL}) when it is set, as it
 * must be wherever people reach Baton under another name (a proxy, a host name). Unset, this Baton's
 * own address, {@code http://localhost:<port>} with the port its web server listens on, as the start-up
 * banner says: a sandbox started with {@code PORT=8188} used to mail links to port 8080.
 */
@Component
class MailBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile String own;

    @Autowired
    MailBaseUrl(MailSettings settings, Environment env) {
        this(settings.baseUrl(), env.getProperty("server.port", Integer.class, 8080));
    }

    /**
     * @param configured the configured base URL; null or blank: none
     * @param port the port until the web server says which it listens on (server.port)
     */
    MailBaseUrl(URI configured, int port) {
        this.configured = configured == null || configured.toString().isBlank()
                ? null
                : configured.toString().replaceAll("/+$", "");
        this.own = local(port);
    }

    /** The main web server's port (0 in the settings means one chosen at start); not a management server's. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            own = local(event.getWebServer().getPort());
        }
    }

    /** The base URL without a trailing slash, e.g. {@code http://localhost:8188}. */
    String get() {
        return configured != null ? configured : own;
    }

    private static String local(int port) {
        return "http://localhost:" + port;
    }
}
