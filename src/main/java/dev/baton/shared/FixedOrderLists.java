package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * A list answered without a {@code Pageable}, or with one without {@link SortFields}, has a fixed order:
 * a {@code sort} on it is a 400 naming {@code sort} (this list has a fixed order), not a 200 that the
 * client would take for sorted, nor "not a parameter" ({@link DeclaredParameters} does not list it). A list is what the handler returns: a collection, an array of
 * objects, a {@link PageResponse}, or a record made only of collections (the playbook catalogue). A
 * list that reads a {@code sort} of its own (tasks) checks it itself. An interceptor for every
 * handler, as {@link SortAllowLists} wraps every {@code Pageable}: no list can forget the check (never on
 * the error dispatch: {@link ParameterCheck}).
 */
@Configuration(proxyBeanMethods = false)
class FixedOrderLists extends ParameterCheck {

    static final String SORT = "sort";

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    void check(HttpServletRequest request, Object handler) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read
                && handler instanceof HandlerMethod method
                && request.getParameter(SORT) != null
                && refusesSort(method.getMethod())) {
            throw new BadRequestException(SORT, SortAllowLists.FIXED_ORDER);
        }
    }

    /** Whether {@code handler} answers a list and sorts it neither by a {@code Pageable} nor by its own {@code sort}. */
    static boolean refusesSort(Method handler) {
        String[] names = NAMES.getParameterNames(handler);
        return answersAList(handler)
                && IntStream.range(0, handler.getParameterCount())
                        .noneMatch(i -> sorts(new MethodParameter(handler, i), names == null ? null : names[i]));
    }

    private static boolean answersAList(Method handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler);
        if (HttpEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> type = answer.toClass();
        return Iterable.class.isAssignableFrom(type)
                || type.isArray() && !type.getComponentType().isPrimitive()
                || type == PageResponse.class
                || type.isRecord()
                        && type.getRecordComponents().length > 0
                        && Arrays.stream(type.getRecordComponents())
                                .allMatch(c -> Collection.class.isAssignableFrom(c.getType()));
    }

    /**
     * A {@code Pageable} that takes a sort (checked by {@link SortAllowLists}; one without any is a fixed
     * order, refused here too), or a request parameter or bound property named sort.
     */
    private static boolean sorts(MethodParameter parameter, String name) {
        Class<?> type = parameter.getParameterType();
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            String declared = param.name().isEmpty() ? param.value() : param.name();
            return SORT.equals(declared.isEmpty() ? name : declared) || Map.class.isAssignableFrom(type);
        }
        if (Pageable.class.isAssignableFrom(type)) {
            return SortAllowLists.takesSort(parameter);
        }
        return (type.isRecord()
                ? Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .anyMatch(SORT::equals)
                : BeanUtils.getPropertyDescriptor(type, SORT) != null);
    }
}
