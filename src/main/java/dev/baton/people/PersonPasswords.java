package dev.baton.people;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting a person's password: by the person themselves (with their current one) or by an admin (for
 * people a people import created without a usable one, or someone locked out). Stored as the app's
 * {@link PasswordEncoder} hashes it (bcrypt). The hash is the key of the remembered password checks
 * ({@code dev.baton.web.RememberedPasswordChecks}), so the old password stops working at once, for HTTP
 * Basic too. Every browser session the person signed in before is signed out at its next request
 * ({@link Person#changePasswordHash}); the caller keeps the one that made the change. Audited as
 * {@code person.password-changed}, by the signed-in actor, never with a password or a hash. An inactive
 * person's password may be set; they still cannot sign in.
 */
@Service
public class PersonPasswords {

    /** Shorter is too easy to guess (NIST SP 800-63B asks at least 8; we ask 10). */
    public static final int MIN_LENGTH = 10;

    /** bcrypt reads only the first 72 bytes, and Spring's encoder refuses to hash more. */
    public static final int MAX_BYTES = 72;

    private final People people;
    private final PasswordEncoder passwords;
    private final AuthenticationProvider signIn;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PersonPasswords(
            People people,
            PasswordEncoder passwords,
            AuthenticationProvider signIn,
            AuditLog audit,
            TransactionTemplate tx) {
        this.people = people;
        this.passwords = passwords;
        this.signIn = signIn;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * A person changes their own password. The current password is checked as signing in checks it (the
     * same throttled check: a wrong one counts as a failed sign-in, and while the user name or address
     * is throttled the change is refused). Every field's problem is named at once; nothing changes then.
     * A change ends all their browser sessions, the caller's too: a page that should stay signed in signs
     * in afresh ({@link SignedInPerson#holdSession}).
     *
     * @param username the signed-in person
     * @param currentPassword the password they sign in with now
     * @param newPassword the new one ({@link #whyNotAcceptable})
     * @param clientAddress the request's remote address, for the sign-in throttle
     * @throws BadRequestException naming {@code currentPassword} (missing, wrong, throttled, deactivated)
     *     and/or {@code newPassword} (missing, too short or long, the user name)
     * @throws NotFoundException for a user name nobody has
     */
    public void changeOwn(String username, String currentPassword, String newPassword, String clientAddress) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put("currentPassword", "is required: type the password you sign in with now");
        } else {
            // outside any transaction: the throttle's count of a failure must stay when the change is refused
            whyNotCurrent(username, currentPassword, clientAddress).ifPresent(r -> errors.put("currentPassword", r));
        }
        whyNotAcceptable(username, newPassword).ifPresent(r -> errors.put("newPassword", r));
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        tx.executeWithoutResult(status -> store(
                people.findByUsername(username).orElseThrow(() -> new NotFoundException("person", username)),
                newPassword,
                "self"));
    }

    /**
     * An admin sets someone's password (the caller checks the admin role). The person need not be active.
     *
     * @param personId the person
     * @param newPassword the new password ({@link #whyNotAcceptable})
     * @return the person's user name
     * @throws BadRequestException naming {@code newPassword} when it is not acceptable; nothing changes
     * @throws NotFoundException for an unknown person
     */
    public String set(long personId, String newPassword) {
        return tx.execute(status -> {
            Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("person", personId));
            whyNotAcceptable(person.getUsername(), newPassword).ifPresent(reason -> {
                throw new BadRequestException("newPassword", reason);
            });
            store(person, newPassword, "admin");
            return person.getUsername();
        });
    }

    /**
     * The one rule for a new password: at least {@link #MIN_LENGTH} characters, at most {@link #MAX_BYTES}
     * bytes in UTF-8 (what bcrypt reads), and not the user name.
     *
     * @return why the password may not be set, empty when it may
     */
    public static Optional<String> whyNotAcceptable(String username, String newPassword) {
        if (newPassword == null || newPassword.isEmpty()) {
            return Optional.of("is required");
        }
        if (newPassword.codePointCount(0, newPassword.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (newPassword.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long (72 plain letters or digits, fewer with"
                    + " accents or other scripts): bcrypt reads no more");
        }
        if (newPassword.trim().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the user name");
        }
        return Optional.empty();
    }

    private Optional<String> whyNotCurrent(String username, String currentPassword, String clientAddress) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, currentPassword);
        attempt.setDetails(new WebAuthenticationDetails(clientAddress, null));
        try {
            signIn.authenticate(attempt);
            return Optional.empty();
        } catch (BadCredentialsException wrong) {
            return Optional.of("does not match your current password");
        } catch (DisabledException inactive) {
            return Optional.of("you are deactivated and cannot change your password");
        } catch (AuthenticationException refused) { // throttled: says for how long
            return Optional.of(refused.getMessage());
        }
    }

    private void store(Person person, String newPassword, String setBy) {
        person.changePasswordHash(passwords.encode(newPassword));
        people.flush();
        audit.record(
                "person.password-changed",
                "person",
                person.getId(),
                null,
                null,
                fields("username", person.getUsername(), "setBy", setBy));
    }
}
