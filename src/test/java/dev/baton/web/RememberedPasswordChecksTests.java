package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordChecksTests {

    /** bcrypt at its lowest cost, counting the checks that reach it */
    static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return bcrypt.matches(raw, encoded);
        }
    }

    final Counting bcrypt = new Counting();
    final AtomicLong nanos = new AtomicLong();
    final RememberedPasswordChecks passwords =
            new RememberedPasswordChecks(bcrypt, Duration.ofMinutes(10), 100, nanos::get);

    @Test
    void aMatchIsCheckedOnceWithinTheTtlAndAgainAfterIt() {
        String hash = passwords.encode("demo");

        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aWrongPasswordAlwaysReachesTheSlowCheckEvenRightAfterTheRightOne() {
        String hash = passwords.encode("demo");
        assertThat(passwords.matches("demo", hash)).isTrue();

        assertThat(passwords.matches("Demo", hash)).isFalse();
        assertThat(passwords.matches("demo ", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(bcrypt.checks).isEqualTo(4);
        // and the right one is still remembered
        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(4);
    }

    @Test
    void aChangedPasswordIsANewStoredHashSoTheOldPasswordIsCheckedAgainstItAndFails() {
        String before = passwords.encode("demo");
        assertThat(passwords.matches("demo", before)).isTrue();

        String after = passwords.encode("n3w-secret");
        assertThat(passwords.matches("demo", after)).isFalse();
        assertThat(passwords.matches("n3w-secret", after)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void twoPeopleWithTheSamePasswordHaveTheirOwnEntries() {
        String rob = passwords.encode("demo");
        String ana = passwords.encode("demo");
        assertThat(rob).isNotEqualTo(ana); // bcrypt's own salt

        assertThat(passwords.matches("demo", rob)).isTrue();
        assertThat(passwords.matches("demo", ana)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aZeroTtlChecksEveryTime() {
        var never = new RememberedPasswordChecks(bcrypt, Duration.ZERO, 100, nanos::get);
        String hash = never.encode("demo");

        assertThat(never.matches("demo", hash)).isTrue();
        assertThat(never.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aNegativeTimeIsRefusedNotTakenForOff() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RememberedPasswordChecks(bcrypt, Duration.ofMinutes(-10), 100, nanos::get));
    }
}
