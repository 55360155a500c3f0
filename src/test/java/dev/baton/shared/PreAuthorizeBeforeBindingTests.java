package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.method.HandlerMethod;

/**
 * What is decided before a handler reads its request, and what is left to the method interceptor: a rule
 * that reads a method argument ({@code #id}) cannot be decided before the arguments are bound.
 */
class PreAuthorizeBeforeBindingTests {

    static class Things {
        @PreAuthorize("hasRole('ADMIN')")
        void forAdmins(String body) {}

        @PreAuthorize("#id == 7")
        void byArgument(long id) {}

        void forEveryone(String body) {}
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    static class ManagersThings {
        void anything(String body) {}

        @PreAuthorize("hasRole('ADMIN')")
        void forAdmins(String body) {}
    }

    private final StaticApplicationContext context = new StaticApplicationContext();

    private final PreAuthorizeBeforeBinding rules = new PreAuthorizeBeforeBinding(
            expressionHandler(),
            context.getBeanProvider(AnnotationTemplateExpressionDefaults.class),
            context.getBeanProvider(SecurityContextHolderStrategy.class),
            context);

    private DefaultMethodSecurityExpressionHandler expressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setApplicationContext(context);
        return handler;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesWhomTheMethodsRuleRefuses() throws Exception {
        signIn("ROLE_REP");

        assertThatThrownBy(() -> rules.refuseUnlessGranted(handler(new Things(), "forAdmins", String.class)))
                .isInstanceOf(AuthorizationDeniedException.class)
                .hasMessage("Access Denied");
    }

    @Test
    void letsThroughWhomTheRuleGrantsAndHandlersWithoutARule() throws Exception {
        signIn("ROLE_ADMIN");
        assertThatCode(() -> rules.refuseUnlessGranted(handler(new Things(), "forAdmins", String.class)))
                .doesNotThrowAnyException();

        signIn("ROLE_REP");
        assertThatCode(() -> rules.refuseUnlessGranted(handler(new Things(), "forEveryone", String.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void readsTheControllersRuleUnlessTheMethodHasItsOwn() throws Exception {
        signIn("ROLE_MANAGER");

        assertThatCode(() -> rules.refuseUnlessGranted(handler(new ManagersThings(), "anything", String.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.refuseUnlessGranted(handler(new ManagersThings(), "forAdmins", String.class)))
                .isInstanceOf(AuthorizationDeniedException.class);
        signIn("ROLE_REP");
        assertThatThrownBy(() -> rules.refuseUnlessGranted(handler(new ManagersThings(), "anything", String.class)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    /** Without the arguments {@code #id} is null and the rule would refuse everyone: the method interceptor decides. */
    @Test
    void leavesARuleThatReadsAnArgumentToTheMethodInterceptor() throws Exception {
        signIn("ROLE_REP");

        assertThatCode(() -> rules.refuseUnlessGranted(handler(new Things(), "byArgument", long.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void anExpressionReadsVariablesWhenItNamesOneOtherThanThisAndRoot() {
        SpelExpressionParser parser = new SpelExpressionParser();

        assertThat(PreAuthorizeBeforeBinding.readsVariables(parser.parseExpression("#id == 7")))
                .isTrue();
        assertThat(PreAuthorizeBeforeBinding.readsVariables(
                        parser.parseExpression("hasRole('ADMIN') or @owners.owns(authentication, #account.id)")))
                .isTrue();
        assertThat(PreAuthorizeBeforeBinding.readsVariables(
                        parser.parseExpression("@capabilities.granted(authentication, 'IMPORT_RECORDS')")))
                .isFalse();
        assertThat(PreAuthorizeBeforeBinding.readsVariables(parser.parseExpression("hasAnyRole('ADMIN', 'MANAGER')")))
                .isFalse();
        assertThat(PreAuthorizeBeforeBinding.readsVariables(parser.parseExpression("#root.authentication != null")))
                .isFalse();
    }

    private static HandlerMethod handler(Object controller, String name, Class<?>... parameters) throws Exception {
        return new HandlerMethod(controller, controller.getClass().getDeclaredMethod(name, parameters));
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "pw", role));
    }
}
