package dev.baton.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Someone a handler's {@code @PreAuthorize} refuses is refused whatever type of body they send or of answer
 * they ask for: a 403, never the 415 ("send multipart/form-data") or 406 that Spring MVC answers when a
 * mapping's {@code consumes} or {@code produces} is all that does not match (session 42's probe: a rep
 * sending JSON to the playbook upload). That is decided while the handler is being looked up, before any
 * interceptor, so {@link PreAuthorizeBeforeBinding} never saw it. Here the controllers' mapping, when it is
 * about to answer 415 or 406, first asks {@link PreAuthorizeBeforeBinding} about every handler the request
 * reaches but for its types: when each refuses the signed-in person, the refusal is thrown instead (as
 * {@link WholeNumberPaths} throws it for a path id that is no number), answered as any other 403. Whom a
 * handler grants, or a handler without a rule, still gets the 415 or 406 that says which type to use. The
 * rule stays the handler's {@code @PreAuthorize}, in one place.
 */
@Configuration(proxyBeanMethods = false)
class RefusedWhateverTheType implements WebMvcRegistrations {

    private final ObjectProvider<PreAuthorizeBeforeBinding> authorization;

    RefusedWhateverTheType(ObjectProvider<PreAuthorizeBeforeBinding> authorization) {
        this.authorization = authorization; // looked up when asked: it is itself configured by the MVC setup
    }

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected HandlerMethod handleNoMatch(
                    Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request)
                    throws ServletException {
                try {
                    return super.handleNoMatch(infos, lookupPath, request);
                } catch (HttpMediaTypeNotSupportedException | HttpMediaTypeNotAcceptableException wrongType) {
                    refuseIfEveryHandlerRefuses(infos, request);
                    throw wrongType;
                }
            }

            /** Throws the first refusal when every handler the request reaches but for its types refuses. */
            private void refuseIfEveryHandlerRefuses(Set<RequestMappingInfo> infos, HttpServletRequest request) {
                AuthorizationDeniedException refused = null;
                for (RequestMappingInfo info : infos) {
                    if (!matchesButForTypes(info, request)) {
                        continue;
                    }
                    try {
                        authorization
                                .getObject()
                                .refuseUnlessGranted(getHandlerMethods().get(info));
                        return; // granted, or decided only at the call: the type is what to tell
                    } catch (AuthorizationDeniedException denied) {
                        refused = refused == null ? denied : refused;
                    }
                }
                if (refused != null) {
                    throw refused;
                }
            }
        };
    }

    /** Whether the request matches the mapping's path, method, parameters and headers (not its types). */
    private static boolean matchesButForTypes(RequestMappingInfo info, HttpServletRequest request) {
        return info.getActivePatternsCondition().getMatchingCondition(request) != null
                && info.getMethodsCondition().getMatchingCondition(request) != null
                && info.getParamsCondition().getMatchingCondition(request) != null
                && info.getHeadersCondition().getMatchingCondition(request) != null;
    }
}
