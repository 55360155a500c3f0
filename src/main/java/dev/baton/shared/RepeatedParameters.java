package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * A parameter given more than once where it takes one value ({@code ?team=1&team=999}) is a 400
 * naming it, in the API and the pages alike: Spring binds the first value and drops the others, so
 * the answer depended on the order the client happened to write them in. Parameters the handler takes
 * as a list ({@code ?status=OPEN&status=DONE}, a {@code Pageable}'s {@code sort}) may repeat. An
 * interceptor for every handler, as {@link FixedOrderLists} is: no list can forget the check, and it
 * costs nothing unless a parameter repeats. The API answers problem details ({@link ApiProblems}), a
 * page the error page with the same sentence ({@link BadRequestException} is a 400 there too). Only
 * the query string is read (filters live there; a body is the handler's to read, and a malformed
 * upload must reach the multipart handling). A malformed percent-encoding ({@code %ZZ}) is a 400 too
 * (see {@link #decoded}).
 */
@Configuration(proxyBeanMethods = false)
class RepeatedParameters extends ParameterCheck {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** The annotations a parameter bound from the query may carry (none at all is the usual case). */
    private static final Set<Class<?>> BINDING =
            Set.of(Valid.class, Validated.class, ParameterObject.class, ModelAttribute.class);

    /** Per handler method, the parameter names it binds to one value. */
    private final Map<Method, Set<String>> singles = new ConcurrentHashMap<>();

    @Override
    void check(HttpServletRequest request, Object handler) {
        String query = request.getQueryString();
        if (query == null || !(handler instanceof HandlerMethod method)) {
            return; // most calls: no query string at all
        }
        // the query string only, never request.getParameterMap(): that reads a form or multipart body
        // too, and a malformed upload must reach the multipart handling that answers it, not fail here
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), null);
            if (equals >= 0) {
                decoded(pair.substring(equals + 1), name);
            }
            if (!name.isEmpty()
                    && !seen.add(name)
                    && singles.computeIfAbsent(method.getMethod(), RepeatedParameters::singleValued)
                            .contains(name)) {
                throw new BadRequestException(Text.clip(name, 60), "is given more than once: give it once");
            }
        }
    }

    /**
     * A parameter's name or value percent-decoded, as the binding sees it. Tomcat drops a parameter
     * whose encoding is malformed ({@code ?owner=%ZZ}) without a word, so a mistyped filter would widen
     * the list to everything: it is a 400 naming the parameter instead (found by a probe).
     *
     * @param name the parameter's decoded name when {@code encoded} is its value; null for a name
     */
    private static String decoded(String encoded, String name) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(
                    Text.clip(name == null ? encoded : name, 60),
                    "is not valid percent-encoding: a '%' must be followed by two hexadecimal digits (write"
                            + " '%25' for '%' itself)");
        }
    }

    /** The names {@code handler} binds to one value: request parameters, paging, and fields of bound records. */
    static Set<String> singleValued(Method handler) {
        String[] names = NAMES.getParameterNames(handler);
        Set<String> singles = new HashSet<>();
        IntStream.range(0, handler.getParameterCount()).forEach(i -> {
            MethodParameter parameter = new MethodParameter(handler, i);
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String declared = param.name().isEmpty() ? param.value() : param.name();
                String name = declared.isEmpty() && names != null ? names[i] : declared;
                if (!multiValued(type) && !Map.class.isAssignableFrom(type) && name != null) {
                    singles.add(name);
                }
            } else if (Pageable.class.isAssignableFrom(type)) {
                singles.add("page");
                singles.add("size");
            } else if (bound(parameter)) {
                singles.addAll(scalarFields(type));
            }
        });
        return singles;
    }

    /** A record or bean of Baton's bound from the query ({@code AuditParams}, {@code RegisterParams}). */
    private static boolean bound(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.getPackageName().startsWith("dev.baton")
                && !type.isEnum()
                && Arrays.stream(parameter.getParameterAnnotations())
                        .allMatch(a -> BINDING.contains(a.annotationType()));
    }

    private static Set<String> scalarFields(Class<?> type) {
        Set<String> fields = new HashSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!multiValued(c.getType())) {
                    fields.add(c.getName());
                }
            }
        } else {
            for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(type)) {
                if (p.getWriteMethod() != null && !multiValued(p.getPropertyType())) {
                    fields.add(p.getName());
                }
            }
        }
        return fields;
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
