package dev.baton.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A value of a JSON body that Jackson cannot read as its field's type ({@code "score": "high"} for a
 * number) is told with the body's other problems, for a body its handler checks itself ({@link
 * CheckedByHandler}): the value is noted at its path with the words the API uses for it ("must be a whole
 * number from 0 to 100"), read as none ({@code null}; a primitive's zero), and the handler adds {@link
 * #ofThisRequest} to its own problems. Found by the session 38 review: {@code POST /api/leads} answered such
 * a value in a 400 of its own, and the lead's other problems in a second round. Any other body keeps
 * Jackson's refusal, a 400 naming that field alone ({@link ApiProblems}), and so does a value whose
 * reading went past its own place in the body (an object in a list that broke halfway), which cannot be
 * skipped safely.
 */
@ControllerAdvice
public class TypeMismatches extends RequestBodyAdviceAdapter {

    private static final String NOTED = TypeMismatches.class.getName();

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.hasParameterAnnotation(CheckedByHandler.class);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(NOTED, new LinkedHashMap<String, String>(), RequestAttributes.SCOPE_REQUEST);
        }
        return inputMessage;
    }

    /**
     * The values of this request's JSON body that were not of their field's type, each at its path ({@code
     * score}, {@code items[2].amount}) with what it must be ("must be a whole number from 0 to 100"), in
     * the order met; each was read as none. Empty when there were none, for a body that is not {@link
     * CheckedByHandler} (its mismatches are refused before its handler runs), and outside a request.
     */
    public static Map<String, String> ofThisRequest() {
        Map<String, String> noted = noted();
        return noted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(noted));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> noted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? null
                : (Map<String, String>) request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
    }

    /**
     * Wraps the deserializers of values (not of objects, whose own fields are wrapped) so that a refused value
     * can be noted: see {@link Lenient}.
     */
    static final class Modifier extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return deserializer instanceof BeanDeserializerBase ? deserializer : new Lenient(deserializer, null);
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Lenient(deserializer, null);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Lenient(deserializer, null);
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(
                DeserializationConfig config,
                ArrayType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Lenient(deserializer, null);
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(
                DeserializationConfig config,
                MapType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Lenient(deserializer, null);
        }
    }

    /**
     * Reads as its delegate does; when the delegate refuses the value and this request notes mismatches,
     * notes it and reads it as none, provided the parser still stands where the value began (a scalar, or
     * the start of an object or list, which is then skipped whole). Otherwise, and outside such a request,
     * the refusal goes on as Jackson's.
     */
    static final class Lenient extends DelegatingDeserializer {

        /** The field the value is read for (its name and declaring class, for the words), or null. */
        private final BeanProperty property;

        Lenient(JsonDeserializer<?> delegate, BeanProperty property) {
            super(delegate);
            this.property = property;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Lenient(delegate, property);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = ctxt.handleSecondaryContextualization(
                    _delegatee, property, ctxt.constructType(_delegatee.handledType()));
            return new Lenient(contextual, property);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonStreamContext began = p.getParsingContext();
            JsonToken token = p.currentToken();
            try {
                return _delegatee.deserialize(p, ctxt);
            } catch (JsonParseException notJson) {
                throw notJson; // the body itself is broken: nothing after it can be read
            } catch (JsonMappingException | InputCoercionException refused) {
                Map<String, String> noted = noted();
                boolean structure = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                JsonStreamContext container = structure ? began.getParent() : began;
                if (noted == null
                        || container == null
                        || container.inRoot()
                        || p.getParsingContext() != began
                        || p.currentToken() != token) {
                    throw refused;
                }
                noted.putIfAbsent(UnknownFields.Collector.at(container), words(refused, container, p));
                if (structure) {
                    p.skipChildren();
                }
                Class<?> type = _delegatee.handledType();
                return type != null && type.isPrimitive() ? _delegatee.getEmptyValue(ctxt) : null;
            }
        }

        /** What the value must be, as the API says it when Jackson refuses it ({@link InputErrors#ofJson}). */
        private String words(Exception refused, JsonStreamContext container, JsonParser p) {
            JsonMappingException mapping = refused instanceof JsonMappingException m
                    ? m
                    : JsonMappingException.from(p, refused.getMessage(), refused);
            if (property != null && container.inObject() && property.getMember() != null) {
                // the field's own bounds (@Min and @Max) are read from its class, as for a refusal told alone
                mapping.prependPath(property.getMember().getDeclaringClass(), property.getName());
            }
            return InputErrors.ofJson(mapping).values().iterator().next();
        }
    }
}
