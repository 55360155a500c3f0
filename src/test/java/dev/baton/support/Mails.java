package dev.baton.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What the test mail server received, read without checked exceptions. */
public final class Mails {

    private Mails() {}

    /** The messages with {@code address} among their To recipients. */
    public static List<MimeMessage> to(GreenMail greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> read(() -> Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(address))))
                .toList();
    }

    public static String subject(MimeMessage m) {
        return read(m::getSubject);
    }

    private interface Read<T> {
        T get() throws MessagingException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
