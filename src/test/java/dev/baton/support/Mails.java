package dev.baton.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
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

    /** The first plain-text part of a mail (or of one of its parts), decoded; null when it has none. */
    public static String text(Part part) {
        if (read(() -> part.isMimeType("text/plain"))) {
            return (String) read(part::getContent);
        }
        if (read(part::getContent) instanceof Multipart parts) {
            for (int i = 0; i < read(parts::getCount); i++) {
                int index = i;
                String text = text(read(() -> parts.getBodyPart(index)));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private interface Read<T> {
        T get() throws MessagingException, IOException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
