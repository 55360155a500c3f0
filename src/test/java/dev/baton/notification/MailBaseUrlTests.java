package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.WebServer;

/** An explicit base URL wins; without one, links follow the port the server listens on. */
class MailBaseUrlTests {

    @Test
    void anExplicitBaseUrlWinsOverThePortTheServerListensOn() {
        MailBaseUrl url = new MailBaseUrl(URI.create("https://baton.example.com/"), 8080);

        url.onApplicationEvent(started(8188, null));

        assertThat(url.get()).isEqualTo("https://baton.example.com");
    }

    @Test
    void withoutOneLinksFollowTheSettingThenThePortTheServerListensOn() {
        MailBaseUrl url = new MailBaseUrl(URI.create(""), 8188); // BATON_BASE_URL unset: blank
        assertThat(url.get()).isEqualTo("http://localhost:8188");

        url.onApplicationEvent(started(41234, null)); // server.port=0: the port chosen at start
        url.onApplicationEvent(started(9090, "management")); // a management server's port is not Baton's UI

        assertThat(url.get()).isEqualTo("http://localhost:41234");
        assertThat(new MailBaseUrl(null, 8080).get()).isEqualTo("http://localhost:8080");
    }

    private static WebServerInitializedEvent started(int port, String namespace) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }
}
