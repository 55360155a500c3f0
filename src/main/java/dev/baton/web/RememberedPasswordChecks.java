package dev.baton.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that remembers, for a while, that a password matched a stored hash, so that
 * an API client does not pay the slow hash on every call: HTTP Basic signs in on every stateless request,
 * and bcrypt's check costs about 100 ms of CPU on the 2-core development VM, ten times what the
 * register's own query takes. The same idea as Elasticsearch's credential cache for its realms.
 *
 * <ul>
 *   <li>Keyed by the stored hash, which carries its own salt: one entry per person and password. A
 *       changed password is a new stored hash, so the old password's entry is never asked again; a
 *       deactivated person is refused before any password check (their account is disabled).
 *   <li>Only a match is remembered. A wrong password always goes to the delegate, so guessing stays as
 *       slow as the delegate makes it, and the sign-in throttle counts every failure as before.
 *   <li>What is remembered is an HMAC-SHA-256 of the presented password under a key made at start-up
 *       and kept only in memory, compared in constant time; never the password. An entry lives
 *       {@code ttl} after the check that made it ({@code baton.sign-in.remember-password-checks}),
 *       at most {@code maxEntries} entries; a zero ttl turns remembering off.
 * </ul>
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    /** stored hash → HMAC of the password that matched it; null when remembering is off */
    private final Cache<String, byte[]> matched;
    /**
     * One keyed HMAC per request thread: looking the algorithm up and keying it on every API call cost a
     * quarter of the remembered check's CPU (a JFR profile of {@code ApiFloorBenchmark}). A {@link Mac} is
     * not thread-safe, hence one per thread.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param delegate the real check (Spring's delegating encoder: bcrypt, or {@code {noop}} for tests)
     * @param ttl how long a match is remembered after the delegate confirmed it; zero: never
     * @param maxEntries how many matches are remembered at most (beyond it Caffeine evicts the ones least
     *     likely to be asked again; an evicted match costs one bcrypt check, nothing else)
     * @param ticker the cache's clock ({@link Ticker#systemTicker()}; a fake one in tests)
     * @throws IllegalArgumentException for a negative {@code ttl} or {@code maxEntries}
     */
    RememberedPasswordChecks(PasswordEncoder delegate, Duration ttl, long maxEntries, Ticker ticker) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative: " + ttl + ", " + maxEntries);
        }
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.matched = ttl.isZero() || maxEntries == 0
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(ttl)
                        .maximumSize(maxEntries)
                        .ticker(ticker)
                        .build();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (matched == null || rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        byte[] presented = mac(rawPassword);
        byte[] remembered = matched.getIfPresent(encodedPassword);
        if (remembered != null && MessageDigest.isEqual(remembered, presented)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(encodedPassword, presented);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence password) {
        // doFinal leaves the thread's Mac ready for the next password under the same key
        return macs.get().doFinal(password.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
