package dev.baton.notification;

import dev.baton.shared.Text;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code mail/text/<name>.txt} and {@code mail/html/<name>.html}. The text
 * template's first line is the subject ({@code Subject: ...}), so the subject sits beside the body
 * and uses the same model. Every model gets {@code baseUrl} for links back into Baton.
 *
 * <p>Its own template engine, not a bean: a second {@code SpringTemplateEngine} bean would make
 * Boot's web template engine back off.
 */
@Component
public class MailComposer {

    /** A rendered mail, ready for {@link Outbox#enqueue(String, String, String, Mail)}. */
    public record Mail(String subject, String text, String html) {}

    private static final String SUBJECT = "Subject:";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MailSettings settings;

    MailComposer(MailSettings settings) {
        this.settings = settings;
        engine.addTemplateResolver(resolver("text/*", ".txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("html/*", ".html", TemplateMode.HTML, 2));
    }

    public Mail compose(String template, Map<String, ?> model) {
        Context context = new Context(Locale.ENGLISH);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("baseUrl", settings.baseUrl().toString().replaceAll("/+$", ""));
        context.setVariables(variables);
        String text = engine.process("text/" + template, context);
        if (!text.startsWith(SUBJECT)) {
            throw new IllegalStateException("mail/text/" + template + ".txt must start with a '" + SUBJECT + "' line");
        }
        int endOfSubject = text.indexOf('\n');
        String subject =
                Text.oneLine(text.substring(SUBJECT.length(), endOfSubject < 0 ? text.length() : endOfSubject));
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).stripLeading();
        return new Mail(subject, body, engine.process("html/" + template, context));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
