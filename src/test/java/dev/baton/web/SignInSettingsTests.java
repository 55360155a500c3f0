package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInSettingsTests {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration REMEMBER = Duration.ofMinutes(10);

    @Test
    void theDefaultsAndZeroRememberingAreTaken() {
        assertThat(new SignInSettings(5, 30, WINDOW, REMEMBER).window()).isEqualTo(WINDOW);
        assertThat(new SignInSettings(1, 1, WINDOW, Duration.ZERO).rememberPasswordChecks())
                .isZero();
    }

    @Test
    void aValueThatWouldSilentlyChangeTheThrottleIsRefusedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignInSettings(5, 30, WINDOW, Duration.ofMinutes(-10)))
                .withMessageContaining("baton.sign-in.remember-password-checks");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignInSettings(5, 30, Duration.ZERO, REMEMBER))
                .withMessageContaining("baton.sign-in.window");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignInSettings(5, 30, Duration.ofMinutes(-1), REMEMBER))
                .withMessageContaining("baton.sign-in.window");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignInSettings(0, 30, WINDOW, REMEMBER))
                .withMessageContaining("max-failures-per-user");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignInSettings(5, 0, WINDOW, REMEMBER))
                .withMessageContaining("max-failures-per-address");
    }
}
