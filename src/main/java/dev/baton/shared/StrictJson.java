package dev.baton.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies are bound strictly, and only they: the app's shared ObjectMapper (also used for
 * process variables and forms) keeps Boot's lenient defaults. Refused, as a 400 naming the field
 * (see {@link ApiProblems}; for a body its handler checks, with its other problems: {@link TypeMismatches}):
 * unknown fields (told with the body's other errors: {@link UnknownFields}), duplicate keys, content after the JSON value, fractions
 * for whole numbers, text for numbers, numbers or booleans where text is expected (and text or
 * numbers where a boolean is; an empty or blank string is no number, boolean or date), and strings with NUL or lone surrogates. Every string arrives
 * NFC-normalised and trimmed of Unicode whitespace ({@link Text#normalise}). A body nested deeper than {@link
 * #MAX_NESTING} objects and lists is refused as a whole, by the parser, before anything is bound.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /**
     * How deep a request body's objects and lists may nest, the outermost one counted: far more than a
     * body of Baton's needs (a task answer nests a level per form group or dynamic list, {@code
     * items[1].prize} is three; the handover plan's {@code plan.perAccount} is three), and far less than
     * reading a body level by level can bear. Jackson's own limit (1000) was never reached: a free-form
     * map ({@code POST /api/tasks/{id}/complete}, a launch's variables) 900 levels deep overflowed the
     * stack first, a 500 that logged 158 KB of stack trace (found by probe 40a). Request bodies only: the
     * shared mapper reads variables and forms, which come from bodies already held to this, or from files.
     * A form whose answers would nest deeper is refused at upload ({@code FormDefinition}), as its step
     * could never be completed.
     */
    public static final int MAX_NESTING = 100;

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper shared) {
        ObjectMapper strict = shared.copy()
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(new SimpleModule("baton-text")
                        .addDeserializer(String.class, new TextDeserializer())
                        .addDeserializer(LocalDate.class, new DateDeserializer())
                        .setDeserializerModifier(new TypeMismatches.Modifier()))
                .addHandler(new UnknownFields.Collector());
        // the copy has a factory of its own, so the shared mapper keeps Jackson's limits
        strict.getFactory()
                .setStreamReadConstraints(strict.getFactory()
                        .streamReadConstraints()
                        .rebuild()
                        .maxNestingDepth(MAX_NESTING)
                        .build());
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" and "   " are no value either: Jackson reads them as null by default, which a primitive takes
        // as false or 0 and a wrapper as "none" (a probe's "primary": " " was false; "managerId": "" would
        // clear the manager)
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // a date too: "renewalDate": "" cleared the date, where null is how a client clears it (found by a probe)
        strict.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return new MappingJackson2HttpMessageConverter(strict);
    }

    /** JSON strings only (no numbers or booleans turned into text), normalised, NUL and lone surrogates refused. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = Text.notText(text);
            if (problem != null) {
                throw new NotText(p, problem);
            }
            return Text.normalise(text);
        }
    }

    /**
     * A date is a JSON string like 2026-01-31 and nothing else: Jackson's own also took {@code []} (as
     * null: it cleared the date), a number (as a day count), {@code [2027,3,8]} and a date-time, while the
     * error said "like 2026-01-31" (found by a probe). Null stays null (the deserializer is not asked).
     */
    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText().strip();
            try {
                return LocalDate.parse(text); // ISO_LOCAL_DATE
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date like 2026-01-31");
            }
        }
    }

    /** A JSON string that is not text; its message is the reason, for the field's error. */
    static final class NotText extends JsonMappingException {
        NotText(JsonParser p, String reason) {
            super(p, reason);
        }
    }
}
