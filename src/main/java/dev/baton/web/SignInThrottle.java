package dev.baton.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing: failed sign-ins (form and HTTP Basic alike) are counted in the database, per
 * user name and per client address, so every app instance sees them ({@link SignInSettings}). A
 * refused attempt is not counted, so a lock ends on time; a successful sign-in clears the user
 * name's failures. A user name's failures from before its person was created do not count: they were
 * guesses at nobody (or sign-ins while the demo people were still being created), and must not lock the
 * person who gets that name later. They are counted all the same until then, so whether a user name
 * exists cannot be told from when it locks.
 */
@Component
public class SignInThrottle {

    private final JdbcTemplate jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Signing in refused for a while; {@link #retryAfter()} says how long. */
    public static class Throttled extends AuthenticationException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed sign-ins: try again in " + minutes(retryAfter) + " minutes");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        private static long minutes(Duration d) {
            return Math.max(1, (d.toSeconds() + 59) / 60);
        }
    }

    /**
     * Throws {@link Throttled} when the user name or the address has too many recent failures; one
     * query for both, as every stateless API call signs in.
     *
     * @return whether the user name has failures on record (only then has a success any to clear)
     */
    public boolean check(String username, String address) {
        Instant since = clock.instant().minus(settings.window());
        Instant[] locks = new Instant[2];
        boolean failedBefore = Boolean.TRUE.equals(jdbc.query(
                "select (" + nthLatestForUser() + "), (" + nthLatest("address") + "),"
                        + " exists (select 1 from sign_in_failure where username = ?)",
                rs -> {
                    rs.next();
                    locks[0] = lockEnd(rs.getTimestamp(1));
                    locks[1] = lockEnd(rs.getTimestamp(2));
                    return rs.getBoolean(3);
                },
                key(username),
                Timestamp.from(since),
                key(username),
                settings.maxFailuresPerUser() - 1,
                address,
                Timestamp.from(since),
                settings.maxFailuresPerAddress() - 1,
                key(username)));
        Instant until = locks[0].isAfter(locks[1]) ? locks[0] : locks[1];
        if (until.isAfter(clock.instant())) {
            throw new Throttled(Duration.between(clock.instant(), until));
        }
        return failedBefore;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_failure where failed_at < ?", Timestamp.from(now.minus(settings.window())));
        jdbc.update(
                "insert into sign_in_failure (username, address, failed_at) values (?, ?, ?)",
                key(username),
                address,
                Timestamp.from(now));
    }

    public void succeeded(String username) {
        jdbc.update("delete from sign_in_failure where username = ?", key(username));
    }

    /**
     * The user name's max-th most recent failure in the window since its person was created, if it
     * is (parameters: user name, since, user name, max - 1). Greatest ignores a null: no person yet.
     */
    private static String nthLatestForUser() {
        return "select failed_at from sign_in_failure where username = ? and failed_at >= greatest(?,"
                + " (select created_at from person where username = ?)) order by failed_at desc offset ? limit 1";
    }

    /** The max-th most recent failure in the window by the column's value (parameters: value, since, max - 1). */
    private static String nthLatest(String column) {
        return "select failed_at from sign_in_failure where " + column + " = ? and failed_at >= ?"
                + " order by failed_at desc offset ? limit 1";
    }

    /** When the max-th most recent failure leaves the window; the epoch when there are fewer. */
    private Instant lockEnd(Timestamp nthLatest) {
        return nthLatest == null ? Instant.EPOCH : nthLatest.toInstant().plus(settings.window());
    }

    /** User names are compared as typed, trimmed and lower-cased, and cut to the column's size. */
    private static String key(String username) {
        String k = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return k.length() <= 100 ? k : k.substring(0, 100);
    }

    /** Wraps the password check: refuses while throttled, counts a wrong password, clears on success. */
    AuthenticationProvider around(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String address =
                        attempt.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                                ? d.getRemoteAddress()
                                : "unknown";
                boolean failedBefore = check(attempt.getName(), address);
                try {
                    Authentication result = passwords.authenticate(attempt);
                    if (failedBefore) {
                        // a write per sign-in only when there is something to clear
                        succeeded(attempt.getName());
                    }
                    return result;
                } catch (BadCredentialsException wrong) {
                    failed(attempt.getName(), address);
                    throw wrong;
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return passwords.supports(type);
            }
        };
    }
}
