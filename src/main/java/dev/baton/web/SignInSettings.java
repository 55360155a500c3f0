package dev.baton.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle: after {@code maxFailuresPerUser} failed sign-ins for one user name, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window}, further attempts
 * are refused (even with the right password) until the oldest of those failures is {@code window} old.
 * A password that matched is remembered for {@code rememberPasswordChecks} (zero: never), so that an API
 * client signing in on every call pays the slow hash once in that while ({@link RememberedPasswordChecks}).
 */
@ConfigurationProperties("baton.sign-in")
public record SignInSettings(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window,
        @DefaultValue("PT10M") Duration rememberPasswordChecks) {

    /**
     * @throws IllegalArgumentException (start-up stops, naming the setting) for a limit under 1, a
     *     window of zero or less, or a negative remembering time (which would otherwise pass for "off")
     */
    public SignInSettings {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException(
                    "baton.sign-in.max-failures-per-user and max-failures-per-address must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("baton.sign-in.window must be longer than zero, not " + window);
        }
        if (rememberPasswordChecks.isNegative()) {
            throw new IllegalArgumentException("baton.sign-in.remember-password-checks must not be negative (PT0S"
                    + " turns remembering off), not " + rememberPasswordChecks);
        }
    }
}
