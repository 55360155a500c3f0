package dev.baton.bench;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server as a process of its own (GreenMail, SMTP only, no authentication, bound to
 * 127.0.0.1), for benchmarks: Baton's side of {@link HandoverBenchmark} sends its mails to it, so the
 * benchmark's JVM pays for sending them, as Baton does in production, and not for receiving them, which
 * a mail server elsewhere does (the embedded server runs in Baton's JVM). Keeps what it receives in
 * memory until it stops; prints the count then. Test sources only.
 *
 * <pre>./mvnw -q test-compile exec:java@mail-sink -Dmail.port=26725</pre>
 *
 * Prints {@code mail sink: ready on 127.0.0.1:PORT} once it listens; stops on SIGTERM.
 */
public final class MailSink {

    private MailSink() {}

    public static void main(String[] args) throws Exception {
        // logback's default without a configuration file is DEBUG for everything: far too much
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int port = Integer.parseInt(System.getProperty("mail.port", args.length > 0 ? args[0] : "26725"));
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("mail sink: received " + mail.getReceivedMessages().length);
                            mail.stop();
                            stopped.countDown();
                        },
                        "mail-sink-stop"));
        System.out.println("mail sink: ready on 127.0.0.1:" + port);
        stopped.await();
    }
}
