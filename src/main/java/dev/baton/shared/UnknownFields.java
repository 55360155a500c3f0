package dev.baton.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Unknown fields of a JSON body are told in the same answer as the body's other errors. Jackson
 * stopped at the first unknown field ({@code FAIL_ON_UNKNOWN_PROPERTIES}), so a client learnt of a
 * misspelt field, or of an empty required one, only after fixing the other (found by a probe). Now
 * {@link Collector} notes each unknown field for the request and skips it; once the body is read, it
 * is validated as Spring would ({@code @Valid}) and every unknown field and bean-validation error is a
 * 400 together ({@link BadRequestException}), before the handler runs: a body with an unknown field
 * never reaches it. A value Jackson itself refuses ("name": 5, "must be text") is still told alone:
 * Jackson reads a record's unknown fields only after its creator's, which the refusal never reaches.
 * A body its handler checks itself ({@link CheckedByHandler}) reaches the handler, which joins
 * {@link #ofThisRequest} to its problems (found by probe 37: the leads' 400 told an unknown field alone),
 * and {@link TypeMismatches#ofThisRequest}: there a refused value is noted too, and read as none.
 */
@ControllerAdvice
public class UnknownFields extends RequestBodyAdviceAdapter {

    private static final String NOTED = UnknownFields.class.getName();

    private final Validator validator;

    UnknownFields(@Qualifier("mvcValidator") Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        Map<String, String> unknown = ofThisRequest();
        if (unknown.isEmpty() || parameter.hasParameterAnnotation(CheckedByHandler.class)) {
            return body;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
            if (hints != null && validator instanceof SmartValidator smart) {
                BeanPropertyBindingResult result = new BeanPropertyBindingResult(body, "body");
                smart.validate(body, result, hints);
                errors.putAll(InputErrors.ofBinding(result));
            }
        }
        unknown.forEach(errors::putIfAbsent);
        throw new BadRequestException(errors);
    }

    /**
     * The unknown fields of this request's JSON body, each at its path with its message ("is not a field
     * of this request (known: [...])"), in the order met; empty when none, and outside a request. For a
     * handler whose body is {@link CheckedByHandler}.
     */
    public static Map<String, String> ofThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        @SuppressWarnings("unchecked")
        Map<String, String> noted = request == null
                ? null
                : (Map<String, String>) request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        return noted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(noted));
    }

    /**
     * Notes an unknown field for the request and skips its value; outside a request it lets Jackson
     * fail as {@code FAIL_ON_UNKNOWN_PROPERTIES} says.
     */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return false;
            }
            String at;
            if (p == ctxt.getParser()) {
                JsonStreamContext object = p.getParsingContext();
                if (p.hasToken(JsonToken.START_OBJECT) || p.hasToken(JsonToken.START_ARRAY)) {
                    object = object.getParent(); // the parser stands in the unknown field's value already
                }
                at = position(object);
            } else {
                // a record's unknown fields are replayed from a buffer once it is built: the body's
                // parser has just closed the record's object, and stands at its place in the parent
                JsonStreamContext parent = ctxt.getParser().getParsingContext();
                at = parent.inRoot()
                        ? ""
                        : parent.inArray()
                                ? position(parent) + "[" + parent.getCurrentIndex() + "]"
                                : join(position(parent), parent.getCurrentName());
            }
            @SuppressWarnings("unchecked")
            Map<String, String> noted =
                    (Map<String, String>) request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
            if (noted == null) {
                noted = new LinkedHashMap<>();
                request.setAttribute(NOTED, noted, RequestAttributes.SCOPE_REQUEST);
            }
            noted.putIfAbsent(join(at, propertyName), InputErrors.unknownField(deserializer.getKnownPropertyNames()));
            p.skipChildren();
            return true;
        }

        /**
         * Where the value {@code container} (an object or a list) stands at lies in the body: its field ({@code
         * items[2].plan}) or element ({@code items[2]}), as InputErrors names a path.
         */
        static String at(JsonStreamContext container) {
            return container.inArray()
                    ? position(container) + "[" + container.getCurrentIndex() + "]"
                    : join(position(container), container.getCurrentName());
        }

        /** Where {@code context} stands in the body, as InputErrors names a path ({@code items[2].plan}); "" at the top. */
        private static String position(JsonStreamContext context) {
            JsonStreamContext parent = context.getParent();
            if (parent == null || parent.inRoot()) {
                return "";
            }
            String above = position(parent);
            return parent.inArray()
                    ? above + "[" + parent.getCurrentIndex() + "]"
                    : join(above, parent.getCurrentName());
        }

        private static String join(String above, String name) {
            return above.isEmpty() ? name : above + "." + name;
        }
    }
}
