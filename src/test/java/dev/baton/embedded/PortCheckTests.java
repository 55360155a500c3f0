package dev.baton.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.BatonApplication;
import dev.baton.embedded.PortsInUse.Port;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * A second sandbox on the same machine: every port it would take that is in use is named in one
 * message, with the setting that moves it, before anything starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortCheckTests {

    ServerSocket held;
    ServerSocket heldToo;

    @BeforeEach
    void holdTwoPorts() throws IOException {
        held = listen();
        heldToo = listen();
    }

    @AfterEach
    void release() throws IOException {
        held.close();
        heldToo.close();
    }

    @Test
    void aSecondSandboxStopsBeforeStartingAnythingNamingEachTakenPortAndItsSetting(CapturedOutput output) {
        SpringApplication app = new SpringApplication(BatonApplication.class);

        assertThatThrownBy(() -> app.run(
                        "--server.port=" + held.getLocalPort(),
                        "--baton.embedded.mail.imap-port=" + heldToo.getLocalPort()))
                .isInstanceOf(PortsInUse.class);

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("port " + held.getLocalPort() + " on 127.0.0.1 (the web server): set PORT to move it")
                .contains("port " + heldToo.getLocalPort()
                        + " on 127.0.0.1 (the embedded mail server (IMAP)): set BATON_MAIL_IMAP_PORT to move it")
                .contains("Another Baton sandbox may be running")
                .contains("PORT=0 BATON_MAIL_IMAP_PORT=0 ./mvnw spring-boot:run")
                // nothing was started: not the engine, not the database's migrations
                .doesNotContain("Flyway")
                .doesNotContain("Could not start mail server");
    }

    @Test
    void namesTheEngineAndEveryMailPortWhenTheyRunEmbedded() {
        MockEnvironment env = sandbox()
                .withProperty("baton.embedded.engine.port", String.valueOf(held.getLocalPort()))
                .withProperty("baton.embedded.mail.smtp-port", String.valueOf(heldToo.getLocalPort()))
                .withProperty("baton.embedded.mail.pop3-port", String.valueOf(heldToo.getLocalPort()));

        PortsInUse failure = catchThrowableOfType(PortsInUse.class, () -> check(env, new GenericApplicationContext()));

        assertThat(failure.taken())
                .extracting(Port::setting)
                .containsExactly("BATON_ENGINE_PORT", "BATON_MAIL_SMTP_PORT", "BATON_MAIL_POP3_PORT");
        FailureAnalysis analysis = new PortsInUse.Analyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains("port " + held.getLocalPort() + " on 127.0.0.1 (the embedded engine (gRPC))");
        assertThat(analysis.getAction()).contains("BATON_ENGINE_PORT=0 BATON_MAIL_SMTP_PORT=0 BATON_MAIL_POP3_PORT=0");
    }

    @Test
    void aContextWithoutAWebServerIgnoresTheServerPort() {
        // a test's mock web environment listens nowhere: a sandbox on 8080 must not stop it
        MockEnvironment env = new MockEnvironment().withProperty("server.port", String.valueOf(held.getLocalPort()));

        check(env, new GenericApplicationContext());

        assertThatThrownBy(() -> check(env, new AnnotationConfigServletWebServerApplicationContext()))
                .isInstanceOf(PortsInUse.class)
                .hasMessageContaining("PORT");
    }

    @Test
    void externalServicesAndAnyFreePortAreNotChecked() {
        MockEnvironment external = new MockEnvironment()
                .withProperty("baton.embedded.engine.enabled", "false")
                .withProperty("baton.embedded.mail.enabled", "false")
                .withProperty("baton.embedded.engine.port", String.valueOf(held.getLocalPort()))
                .withProperty("baton.embedded.mail.smtp-port", String.valueOf(held.getLocalPort()));
        MockEnvironment anyPort = new MockEnvironment().withProperty("server.port", "0");

        assertThat(PortCheck.ports(external, true)).isEmpty();
        assertThat(PortCheck.ports(anyPort, true)).isEmpty();
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsNotATakenPort() {
        // TEST-NET-1 (RFC 5737): the server binding it reports its own error
        assertThat(PortCheck.taken(new Port("the web server", "192.0.2.1", held.getLocalPort(), "PORT")))
                .isFalse();
        assertThat(PortCheck.taken(new Port("the web server", "127.0.0.1", held.getLocalPort(), "PORT")))
                .isTrue();
        assertThat(PortCheck.taken(new Port("the web server", null, held.getLocalPort(), "PORT")))
                .isTrue();
    }

    private static MockEnvironment sandbox() {
        return new MockEnvironment()
                .withProperty("baton.embedded.engine.enabled", "true")
                .withProperty("baton.embedded.engine.address", "127.0.0.1")
                .withProperty("baton.embedded.mail.enabled", "true")
                .withProperty("baton.embedded.mail.imap-port", "0");
    }

    private static void check(MockEnvironment env, GenericApplicationContext context) {
        context.setEnvironment(env);
        new PortCheck().initialize(context);
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }
}
