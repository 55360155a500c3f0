package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** One SMTP connection per dispatch run, against a real SMTP server (GreenMail on a free loopback port). */
class SmtpConnectionTests {

    /** Connections opened by {@link CountingTransport}, the session's SMTP transport here. */
    static final AtomicInteger CONNECTS = new AtomicInteger();

    GreenMail server;
    JavaMailSenderImpl sender;

    @BeforeEach
    void start() throws Exception {
        server = startServer(0);
        CONNECTS.set(0);
        Session session = Session.getInstance(new Properties());
        session.setProvider(
                new Provider(Provider.Type.TRANSPORT, "smtp", CountingTransport.class.getName(), "Baton tests", "1"));
        sender = new JavaMailSenderImpl();
        sender.setSession(session);
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsMessageAfterMessageOnOneConnection() throws Exception {
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            for (int i = 1; i <= 5; i++) {
                connection.send(message("mail " + i));
            }
        }

        assertThat(subjects()).containsExactly("mail 1", "mail 2", "mail 3", "mail 4", "mail 5");
        assertThat(CONNECTS).hasValue(1); // JavaMailSenderImpl.send, one call a message, opened 5
    }

    @Test
    void opensAFreshConnectionAfterTheCap() throws Exception {
        int messages = SmtpConnection.MESSAGES_PER_CONNECTION + 1;
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            for (int i = 0; i < messages; i++) {
                connection.send(message("mail " + i));
            }
        }

        assertThat(server.getReceivedMessages()).hasSize(messages);
        assertThat(CONNECTS).hasValue(2);
    }

    @Test
    void sendsOnceMoreOnAFreshConnectionWhenTheServerDroppedIt() throws Exception {
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            connection.send(message("before the restart"));
            int port = server.getSmtp().getPort();
            server.stop(); // closes the connection the run holds
            server = startServer(port);

            connection.send(message("after the restart"));
        }

        assertThat(subjects()).containsExactly("after the restart");
        assertThat(CONNECTS).hasValue(2);
    }

    @Test
    void aServerThatCannotBeReachedFailsTheMessageOnce() throws Exception {
        server.stop();

        try (SmtpConnection connection = new SmtpConnection(sender)) {
            assertThatThrownBy(() -> connection.send(message("nobody listens"))).isInstanceOf(MessagingException.class);
        }

        assertThat(CONNECTS).hasValue(1); // a fresh connection that fails is not tried twice
    }

    @Test
    void keepsAnExplicitMessageIdAsJavaMailSenderImplDoes() throws Exception {
        MimeMessage message = message("with its id");
        message.setHeader("Message-ID", "<outbox-7.1@baton.local>");

        try (SmtpConnection connection = new SmtpConnection(sender)) {
            connection.send(message);
        }

        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<outbox-7.1@baton.local>");
        assertThat(received.getSentDate()).isNotNull();
    }

    @Test
    void onlyALostConnectionIsWorthASecondTry() {
        Address[] none = new Address[0];
        assertThat(SmtpConnection.connectionLost(new MessagingException("Can't send command to SMTP host")))
                .isTrue();
        assertThat(SmtpConnection.connectionLost(
                        new SMTPSendFailedException("MAIL", 421, "421 closing", null, none, none, none)))
                .isTrue();
        assertThat(SmtpConnection.connectionLost(
                        new SMTPSendFailedException("RCPT", 550, "550 no such user", null, none, none, none)))
                .isFalse();
        assertThat(SmtpConnection.connectionLost(new SendFailedException("Invalid Addresses")))
                .isFalse();
    }

    private String[] subjects() throws MessagingException {
        MimeMessage[] received = server.getReceivedMessages();
        String[] subjects = new String[received.length];
        for (int i = 0; i < received.length; i++) {
            subjects[i] = received[i].getSubject();
        }
        return subjects;
    }

    private MimeMessage message(String subject) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress("baton@baton.local"));
        message.setRecipients(MimeMessage.RecipientType.TO, "customer@example.com");
        message.setSubject(subject);
        message.setText("Hello");
        return message;
    }

    private static GreenMail startServer(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    /** Angus Mail's SMTP transport, counting its connections. */
    public static class CountingTransport extends SMTPTransport {

        public CountingTransport(Session session, URLName url) {
            super(session, url);
        }

        @Override
        protected synchronized boolean protocolConnect(String host, int port, String user, String password)
                throws MessagingException {
            CONNECTS.incrementAndGet();
            return super.protocolConnect(host, port, user, password);
        }
    }
}
