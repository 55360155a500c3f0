package dev.baton.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle: after {@code maxFailuresPerUser} failed sign-ins for one user name, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window}, further attempts
 * are refused (even with the right password) until the oldest of those failures is {@code window} old.
 */
@ConfigurationProperties("baton.sign-in")
public record SignInSettings(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window) {}
