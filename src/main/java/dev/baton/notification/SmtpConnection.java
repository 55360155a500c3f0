package dev.baton.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for one dispatch run, used message after message, each in its own transaction.
 *
 * <p>{@link JavaMailSenderImpl#send(MimeMessage)} connects, greets the server ({@code EHLO}) and says {@code QUIT}
 * for every call, and the outbox sends one message per call (one per transaction, for crash safety: see {@link
 * OutboxDispatcher}), so a run of 1,000 mails paid 1,000 connections. This keeps the connection open for the run, as
 * mail transfer agents do (Postfix's {@code smtp_connection_cache_on_demand}), and still sends with the sender's own
 * session (its host, port, credentials, time-outs and other {@code spring.mail.properties}).
 *
 * <p>A reused connection the server has dropped (an idle or per-connection message limit, a restart) fails the next
 * message, mostly before it is accepted; that message is then sent once more on a fresh connection, so a drop costs
 * no mail a retry with back-off. A server that took the message but whose reply was lost sees it twice, as it would when the
 * outbox retries later (delivery is at least once; the copy carries the same {@code Message-ID}). A connection is
 * closed after {@value #MESSAGES_PER_CONNECTION} messages, as servers commonly cap them at about 100.
 *
 * <p>Any other {@link JavaMailSender} (a test double) gets {@link JavaMailSender#send(MimeMessage)}, one call each.
 * Not thread-safe: one per dispatch run.
 */
final class SmtpConnection implements AutoCloseable {

    static final int MESSAGES_PER_CONNECTION = 100;

    private final JavaMailSender sender;
    private Transport transport;
    private int sentOnTransport;

    SmtpConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    /**
     * Sends one message as {@link JavaMailSenderImpl} would (sent date set when missing, an explicit {@code
     * Message-ID} kept), to all its recipients.
     *
     * @throws MessagingException the server refused it, or could not be reached; the connection is then closed
     */
    void send(MimeMessage message) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            sender.send(message);
            return;
        }
        prepare(message);
        boolean reused = transport != null;
        try {
            sendOn(smtp, message);
        } catch (MessagingException e) {
            close();
            if (!reused || !connectionLost(e)) {
                throw e;
            }
            try {
                sendOn(smtp, message); // once, on a fresh connection
            } catch (MessagingException again) {
                close();
                throw again;
            }
        }
    }

    /**
     * Whether the connection, not the message, failed: the server closing the channel (reply 421, RFC 5321 section
     * 3.8) or the socket failing. Refused recipients or content ({@link SendFailedException}) would be refused again.
     */
    static boolean connectionLost(MessagingException e) {
        if (e instanceof SMTPSendFailedException reply) {
            return reply.getReturnCode() == 421;
        }
        return !(e instanceof SendFailedException);
    }

    private void sendOn(JavaMailSenderImpl smtp, MimeMessage message) throws MessagingException {
        if (transport == null) {
            Transport fresh = smtp.getSession().getTransport(protocolOf(smtp));
            fresh.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            transport = fresh;
            sentOnTransport = 0;
        }
        Address[] recipients = message.getAllRecipients();
        transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        if (++sentOnTransport >= MESSAGES_PER_CONNECTION) {
            close();
        }
    }

    /** As {@code JavaMailSenderImpl.getTransport} chooses it: the sender's, else the session's, else SMTP. */
    private static String protocolOf(JavaMailSenderImpl smtp) {
        if (smtp.getProtocol() != null) {
            return smtp.getProtocol();
        }
        String fromSession = smtp.getSession().getProperty("mail.transport.protocol");
        return fromSession != null ? fromSession : JavaMailSenderImpl.DEFAULT_PROTOCOL;
    }

    /** What {@code JavaMailSenderImpl.doSend} does before sending: {@code saveChanges} would replace the id. */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
    }

    /** Says {@code QUIT} if connected; never throws (a connection that fails to close is gone either way). */
    @Override
    public void close() {
        Transport open = transport;
        transport = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException ignored) {
                // the server or the network dropped it first
            }
        }
    }
}
