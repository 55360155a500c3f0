package dev.baton.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GreenMail as the sandbox's mail server when no {@code spring.mail.host} is set: Baton sends
 * through its SMTP port, and any mail client reads what was sent over IMAP or POP3 on localhost
 * (user name: the recipient's address, any password).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.embedded.mail.enabled", havingValue = "true")
class EmbeddedMailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedMailServer(
            @Value("${baton.embedded.mail.smtp-port}") int smtp,
            @Value("${baton.embedded.mail.imap-port}") int imap,
            @Value("${baton.embedded.mail.pop3-port}") int pop3) {
        String host = "127.0.0.1";
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtp, host, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap, host, ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(pop3, host, ServerSetup.PROTOCOL_POP3)
        });
        return mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}
