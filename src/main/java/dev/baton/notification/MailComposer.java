package dev.baton.notification;

import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.shared.Text;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code mail/text/<name>.txt} and {@code mail/html/<name>.html}. The text
 * template's first line is the subject ({@code Subject: ...}), so the subject sits beside the body
 * and uses the same model; the HTML template gets it as {@code subject} for its {@code <title>}. Every model gets {@code baseUrl} for links back into Baton ({@link MailBaseUrl}), and {@code dates}
 * ({@link Dates}) bound to the recipient's zone: {@code [(${dates.time(dueAt)})]} prints "Fri 4 Dec 2026,
 * 17:00 CET" where the recipient is.
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
    /**
     * What mail expressions may reach beside their model: no beans (an empty context; templates name
     * none), and the shared default conversions, as Thymeleaf's own fallback context had.
     */
    private static final ApplicationContext NO_BEANS = new StaticApplicationContext();

    private final ConversionService conversions = DefaultConversionService.getSharedInstance();
    private final MailBaseUrl baseUrl;
    private final Dates dates;
    private final ZoneId company;

    @Autowired
    MailComposer(MailBaseUrl baseUrl, Dates dates, TimeZones zones) {
        this(baseUrl, dates, zones.company());
    }

    MailComposer(MailBaseUrl baseUrl, Dates dates, ZoneId company) {
        this.baseUrl = baseUrl;
        this.dates = dates;
        this.company = company;
        // SpEL compiled to bytecode once an expression has run a few times (falls back to interpreting
        // where it cannot): every handover renders the same templates hundreds of times
        engine.setEnableSpringELCompiler(true);
        engine.addTemplateResolver(resolver("text/*", ".txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("html/*", ".html", TemplateMode.HTML, 2));
    }

    /** For a reader outside the company (a customer) or without a zone: times in the company's zone. */
    public Mail compose(String template, Map<String, ?> model) {
        return compose(template, model, company);
    }

    /**
     * @param model the template's variables; {@code baseUrl} and {@code dates} are added
     * @param readerZone the recipient's zone (see {@code TimeZones#of}): every time in the mail is printed there
     */
    public Mail compose(String template, Map<String, ?> model, ZoneId readerZone) {
        Context context = new Context(Locale.ENGLISH);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("baseUrl", baseUrl.get());
        variables.put("dates", dates.in(readerZone));
        context.setVariables(variables);
        // one SpEL context for the mail's two templates; without it Thymeleaf builds one per expression
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(NO_BEANS, conversions));
        String text = engine.process("text/" + template, context);
        if (!text.startsWith(SUBJECT)) {
            throw new IllegalStateException("mail/text/" + template + ".txt must start with a '" + SUBJECT + "' line");
        }
        int endOfSubject = text.indexOf('\n');
        String subject =
                Text.oneLine(text.substring(SUBJECT.length(), endOfSubject < 0 ? text.length() : endOfSubject));
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).stripLeading();
        // the HTML part's <title> is the subject (th:text="${subject}"), so the two never tell different stories
        context.setVariable("subject", subject);
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
