package dev.baton.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Every {@code Pageable} a controller receives is sorted only by its {@link SortFields} (a sort on
 * any other path, e.g. {@code owner.passwordHash}, would be an ordering oracle, and an unknown one
 * a 500), and always ends with {@code id}. The list's own default order ({@code PageableDefault})
 * needs no allow-list: only what the client asks for is checked. Spring Data's resolver is wrapped
 * in place, so no controller can forget the check.
 */
@Configuration(proxyBeanMethods = false)
class SortAllowLists {

    static final String TIE_BREAKER = "id";

    /** Why a list in a fixed order takes no sort; the same for lists without a {@code Pageable} ({@link FixedOrderLists}). */
    static final String FIXED_ORDER = "this list has a fixed order and cannot be sorted";

    @Bean
    static BeanPostProcessor sortCheckingPageables() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                    List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
                    for (HandlerMethodArgumentResolver r : adapter.getArgumentResolvers()) {
                        resolvers.add(r instanceof PageableHandlerMethodArgumentResolver p ? new Checked(p) : r);
                    }
                    adapter.setArgumentResolvers(resolvers);
                }
                return bean;
            }
        };
    }

    /** Spring Data's resolution, then the allow-list and the tie-breaker. */
    record Checked(PageableHandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Pageable resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            Pageable pageable = delegate.resolveArgument(parameter, mav, request, binders);
            SortFields fields = parameter.getParameterAnnotation(SortFields.class);
            return allowed(pageable, fields == null ? List.of() : List.of(fields.value()), declaredOrder(parameter));
        }
    }

    /**
     * Whether a {@code Pageable} parameter takes a client's {@code sort}: it has {@link SortFields}, or a
     * declared order, which a client may name (a fixed-order list refuses every other sort). The one rule
     * for {@link DeclaredParameters} (listed as a parameter) and {@link FixedOrderLists} (refused).
     */
    static boolean takesSort(MethodParameter pageable) {
        return pageable.hasParameterAnnotation(SortFields.class)
                || declaredOrder(pageable).isSorted();
    }

    /**
     * The order the controller gives its list when the client asks for none: its {@code
     * PageableDefault}'s sort, as Spring Data resolves it. A {@code @SortDefault} is not read: its
     * order would be checked like a client's, and refused unless its fields are allowed.
     */
    static Sort declaredOrder(MethodParameter parameter) {
        PageableDefault declared = parameter.getParameterAnnotation(PageableDefault.class);
        return declared == null || declared.sort().length == 0
                ? Sort.unsorted()
                : Sort.by(declared.direction(), declared.sort());
    }

    private static String abbreviate(String property) {
        return property.length() <= 60 ? property : property.substring(0, 60) + "…";
    }

    /**
     * The pageable with {@code id} last; 400 on {@code sort} when it names a property outside {@code
     * fields} and the tie-breaker, unless it is the list's own {@code declared} order. A list with a
     * fixed order has no fields: any sort the client asks for is refused, even by {@code id} alone
     * (which would replace the fixed order, not break its ties), and its own order is kept.
     */
    static Pageable allowed(Pageable pageable, List<String> fields, Sort declared) {
        Set<String> allowed = Set.copyOf(fields);
        for (Sort.Order order : pageable.getSort().equals(declared) ? Sort.unsorted() : pageable.getSort()) {
            boolean tieBreaker = TIE_BREAKER.equals(order.getProperty()) && !fields.isEmpty();
            if (!allowed.contains(order.getProperty()) && !tieBreaker) {
                throw new BadRequestException(
                        "sort",
                        fields.isEmpty()
                                ? FIXED_ORDER
                                : "'" + abbreviate(order.getProperty()) + "' is not a sort field here; use one of "
                                        + String.join(", ", fields) + " (or id)");
            }
        }
        if (pageable.isUnpaged() || pageable.getSort().getOrderFor(TIE_BREAKER) != null) {
            return pageable;
        }
        return PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                pageable.getSort().and(Sort.by(TIE_BREAKER)));
    }
}
