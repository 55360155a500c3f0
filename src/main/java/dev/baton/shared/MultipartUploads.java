package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What counts as an upload: a request whose method carries a body (POST, PUT, PATCH) and whose
 * Content-Type is {@code multipart/*}. A GET, HEAD, DELETE or OPTIONS carries none, so its Content-Type
 * says nothing: it is answered as without one (Spring would otherwise read the missing parts when a
 * list binds its filter parameters, and {@link UnreadableMultipart} would answer 400). Replaces
 * Spring Boot's multipart resolver with the same {@code spring.servlet.multipart.*} settings.
 */
@Configuration(proxyBeanMethods = false)
class MultipartUploads {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    StandardServletMultipartResolver multipartResolver(MultipartProperties properties) {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return isUpload(request) && super.isMultipart(request);
            }
        };
        resolver.setResolveLazily(properties.isResolveLazily());
        resolver.setStrictServletCompliance(properties.isStrictServletCompliance());
        return resolver;
    }

    /** Whether this request is an upload: a method that carries a body, and a multipart Content-Type. */
    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return BODY_METHODS.contains(request.getMethod())
                && type != null
                && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
