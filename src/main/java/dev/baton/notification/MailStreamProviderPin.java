package dev.baton.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names Jakarta Mail's stream provider once, so that Jakarta Mail does not look for it on every use.
 *
 * <p>jakarta.mail-api 2.1 finds its {@code jakarta.mail.util.StreamProvider} through {@code
 * FactoryFinder} each time one is needed (building a MIME message, encoding a header, reading the SMTP
 * server's replies): first the system property of that name, then a {@link java.util.ServiceLoader} that
 * opens every jar on the class path for its {@code META-INF/services} entry. Profiled in session 42
 * (JFR allocation samples of the handover benchmark with its mails sent), that lookup was three quarters
 * of what sending a mail allocated, about 500 KB per mail. The API's maintainers know it
 * (jakartaee/mail-api issues 699 and 861, open); their workaround is the system property, which the
 * finder reads first and answers by loading the named class. Set here to Angus Mail's provider (the
 * implementation Spring Boot's mail starter brings) unless it is already set or that class is missing,
 * in which case Jakarta Mail keeps looking as before.
 */
final class MailStreamProviderPin {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Logger log = LoggerFactory.getLogger(MailStreamProviderPin.class);

    private MailStreamProviderPin() {}

    /** Sets {@value #PROPERTY} to {@value #ANGUS} when unset and that class loads; idempotent. */
    static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProviderPin.class.getClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        } catch (ClassNotFoundException | LinkageError e) {
            log.info("{} not found: Jakarta Mail looks its stream provider up on every use", ANGUS);
        }
    }
}
