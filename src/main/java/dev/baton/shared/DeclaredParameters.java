package dev.baton.shared;

import jakarta.validation.Valid;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The query parameters a handler method takes, read from its declaration: its {@code @RequestParam}s,
 * a {@code Pageable}'s {@code page}, {@code size} and, when the list can be sorted ({@link
 * SortAllowLists#takesSort}), {@code sort}, and the fields of a record or bean
 * of Baton's bound from the query ({@code AuditParams}, {@code RegisterParams}). One reading for {@link
 * RepeatedParameters} (which may repeat), {@link UnknownParameters} (which exist) and {@link PageLimits}
 * (whether {@code page} and {@code size} are read), so a new list is checked by each without a list of
 * names to keep in step.
 *
 * @param names every parameter the handler takes, alphabetically
 * @param singles those that take one value (not a list, an array or a {@code Pageable}'s sort)
 * @param open whether the handler takes any name ({@code @RequestParam Map}: a form of free fields)
 */
record DeclaredParameters(Set<String> names, Set<String> singles, boolean open) {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** The annotations a parameter bound from the query may carry (none at all is the usual case). */
    private static final Set<Class<?>> BINDING =
            Set.of(Valid.class, Validated.class, ParameterObject.class, ModelAttribute.class);

    private static final Map<Method, DeclaredParameters> READ = new ConcurrentHashMap<>();

    /** The parameters {@code handler} declares (read once per method). */
    static DeclaredParameters of(Method handler) {
        return READ.computeIfAbsent(handler, DeclaredParameters::read);
    }

    private static DeclaredParameters read(Method handler) {
        String[] names = NAMES.getParameterNames(handler);
        Set<String> all = new TreeSet<>();
        Set<String> singles = new TreeSet<>();
        boolean open = false;
        for (int i = 0; i < handler.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(handler, i);
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String declared = param.name().isEmpty() ? param.value() : param.name();
                String name = declared.isEmpty() && names != null ? names[i] : declared;
                open |= Map.class.isAssignableFrom(type);
                if (!Map.class.isAssignableFrom(type) && name != null) {
                    all.add(name);
                    if (!multiValued(type)) {
                        singles.add(name);
                    }
                }
            } else if (Pageable.class.isAssignableFrom(type)) {
                all.addAll(Set.of("page", "size"));
                singles.addAll(Set.of("page", "size"));
                if (SortAllowLists.takesSort(parameter)) {
                    all.add(FixedOrderLists.SORT);
                }
            } else if (bound(parameter)) {
                fields(type, all, singles);
            }
        }
        return new DeclaredParameters(Collections.unmodifiableSet(all), Collections.unmodifiableSet(singles), open);
    }

    /** A record or bean of Baton's bound from the query ({@code AuditParams}, {@code RegisterParams}). */
    private static boolean bound(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.getPackageName().startsWith("dev.baton")
                && !type.isEnum()
                && Arrays.stream(parameter.getParameterAnnotations())
                        .allMatch(a -> BINDING.contains(a.annotationType()));
    }

    private static void fields(Class<?> type, Set<String> all, Set<String> singles) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                all.add(c.getName());
                if (!multiValued(c.getType())) {
                    singles.add(c.getName());
                }
            }
        } else {
            for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(type)) {
                if (p.getWriteMethod() != null) {
                    all.add(p.getName());
                    if (!multiValued(p.getPropertyType())) {
                        singles.add(p.getName());
                    }
                }
            }
        }
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
