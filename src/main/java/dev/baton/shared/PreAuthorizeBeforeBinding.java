package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodClassKey;
import org.springframework.core.Ordered;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A handler's {@code @PreAuthorize} decided before anything reads the request for it: someone without the
 * right gets the 403 they get with a valid request, never a 400 (or 415) listing the fields of an address
 * they may not use (session 41's probe: a rep posting an incomplete person to {@code /api/people} was told
 * which fields were missing, and only with a complete one a 403). Spring Security's method interceptor
 * decides when the method is called, after Spring MVC has read, bound and validated its arguments; this
 * interceptor runs first before every handler (before the {@link ParameterCheck}s too), asks Spring
 * Security's own {@link PreAuthorizeAuthorizationManager}, with the application's expression handler,
 * about the handler method without its arguments, and on a refusal throws what the method interceptor
 * throws ({@link AuthorizationDeniedException}), which the API's and the pages' error handling answer as
 * they always did. Whom the expression grants passes unchanged, and the method interceptor decides again
 * at the call (defence in depth).
 *
 * <p>An expression that reads a variable ({@code #id}: a method argument) cannot be decided before the
 * arguments are bound: its handler is left to the method interceptor alone, as before. None of Baton's
 * does today.
 */
@Configuration(proxyBeanMethods = false)
class PreAuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    private final MethodSecurityExpressionHandler expressions;
    private final SecurityAnnotationScanner<PreAuthorize> annotations;
    private final SecurityContextHolderStrategy contexts;
    /** Per handler method and controller: whether it has a rule this decides (one that reads no argument). */
    private final Map<MethodClassKey, Boolean> decidable = new ConcurrentHashMap<>();

    PreAuthorizeBeforeBinding(
            MethodSecurityExpressionHandler expressions,
            ObjectProvider<AnnotationTemplateExpressionDefaults> templates,
            ObjectProvider<SecurityContextHolderStrategy> strategies,
            ApplicationContext context) {
        this.expressions = expressions;
        rules.setExpressionHandler(expressions);
        rules.setApplicationContext(context);
        AnnotationTemplateExpressionDefaults template = templates.getIfAvailable();
        if (template != null) {
            rules.setTemplateDefaults(template);
        }
        annotations = template == null
                ? SecurityAnnotationScanners.requireUnique(PreAuthorize.class)
                : SecurityAnnotationScanners.requireUnique(PreAuthorize.class, template);
        contexts = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            refuseUnlessGranted(method);
        }
        return true;
    }

    /**
     * Decides {@code handler}'s {@code @PreAuthorize} (on the method, else on its controller) for whoever is
     * signed in, as Spring Security's method interceptor will when the method is called. Does nothing for a
     * handler without one, one whose expression reads a method argument, or a request nobody signed in for
     * (each left to the method interceptor).
     *
     * @param handler a controller method (its bean resolved or not)
     * @throws AuthorizationDeniedException when the expression refuses the signed-in person: the exception,
     *     and so the answer, the method interceptor gives
     */
    void refuseUnlessGranted(HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        if (!decidable.computeIfAbsent(
                new MethodClassKey(handler.getMethod(), controller),
                key -> decidable(handler.getMethod(), controller))) {
            return;
        }
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null) {
            return;
        }
        MethodInvocation invocation = new SimpleMethodInvocation(target(handler), handler.getMethod());
        AuthorizationResult result = rules.authorize(() -> authentication, invocation);
        if (result != null && !result.isGranted()) {
            // throws, as for the method interceptor; a handler of refusals that answers instead
            // (@HandleAuthorizationDenied) lets the request through, for the method interceptor to answer
            rules.handleDeniedInvocation(invocation, result);
        }
    }

    private boolean decidable(java.lang.reflect.Method method, Class<?> controller) {
        PreAuthorize rule = annotations.scan(method, controller);
        if (rule == null) {
            return false;
        }
        try {
            return !readsVariables(expressions.getExpressionParser().parseExpression(rule.value()));
        } catch (ParseException unparsable) {
            return false; // the method interceptor reports it, as before
        }
    }

    /** Whether the expression reads a variable ({@code #id}) other than {@code #this} and {@code #root}. */
    static boolean readsVariables(Expression expression) {
        return !(expression instanceof SpelExpression spel) || readsVariables(spel.getAST());
    }

    private static boolean readsVariables(SpelNode node) {
        if (node instanceof VariableReference
                && !node.toStringAST().equals("#this")
                && !node.toStringAST().equals("#root")) {
            return true;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (readsVariables(node.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** The controller itself, as the method interceptor sees it ({@code this} of the call), not its proxy. */
    private static Object target(HandlerMethod handler) {
        Object bean = (handler.getBean() instanceof String ? handler.createWithResolvedBean() : handler).getBean();
        Object target = AopProxyUtils.getSingletonTarget(bean);
        return target == null ? bean : target;
    }
}
