package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderPinTests {

    /**
     * The property names a class Jakarta Mail can load as its stream provider: a name it could not load
     * would make every MIME message fail to build ("Cannot instance"), not merely slow.
     */
    @Test
    void theDispatcherNamesAStreamProviderJakartaMailLoads() throws Exception {
        Class.forName(OutboxDispatcher.class.getName()); // its static initializer pins the provider

        assertThat(System.getProperty(MailStreamProviderPin.PROPERTY)).isEqualTo(MailStreamProviderPin.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProviderPin.ANGUS);
    }

    @Test
    void aProviderAlreadyNamedIsLeftAlone() {
        String before = System.getProperty(MailStreamProviderPin.PROPERTY);
        System.setProperty(MailStreamProviderPin.PROPERTY, "com.example.OwnProvider");
        try {
            MailStreamProviderPin.pin();

            assertThat(System.getProperty(MailStreamProviderPin.PROPERTY)).isEqualTo("com.example.OwnProvider");
        } finally {
            if (before == null) {
                System.clearProperty(MailStreamProviderPin.PROPERTY);
            } else {
                System.setProperty(MailStreamProviderPin.PROPERTY, before);
            }
        }
    }
}
