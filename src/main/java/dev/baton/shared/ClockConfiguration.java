package dev.baton.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** One clock for the whole app, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
