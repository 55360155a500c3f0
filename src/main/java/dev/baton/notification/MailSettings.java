package dev.baton.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings ({@code baton.mail.*}), bound at start-up so that a malformed value (e.g. a
 * duration) fails fast instead of at first use.
 *
 * @param from sender of every mail Baton sends
 * @param baseUrl where links in mails point (Baton's public address); null or blank: this server's own
 *     address, see {@link MailBaseUrl}
 * @param dispatchDelay pause between two dispatcher runs (read by {@code OutboxSchedule})
 * @param dispatchOnSchedule off in tests, which call {@link OutboxDispatcher#dispatch()} themselves
 * @param maxAttempts attempts before a message is given up as FAILED
 * @param firstBackoff wait after the first failure; doubles with each further failure
 */
@ConfigurationProperties("baton.mail")
public record MailSettings(
        String from,
        URI baseUrl,
        Duration dispatchDelay,
        @DefaultValue("true") boolean dispatchOnSchedule,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration firstBackoff) {}
