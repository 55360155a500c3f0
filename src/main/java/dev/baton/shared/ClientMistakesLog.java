package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * A page's request that Spring MVC refuses itself (a parameter of the wrong type, a method the address
 * does not take: {@code ApiProblems} answers the API's) is the client's mistake, logged at DEBUG; the
 * same resolver's server errors (a path variable the mapping lacks, an answer that could not be
 * written: 5xx) stay at WARN. Spring's resolver logged every one at WARN, so a client sending garbage
 * buried the WARNs that need someone (probe 47: 345 lines from 921 bad requests). A logging level alone
 * cannot tell the two apart: the resolver logs both under one category, before the status is known to
 * the log, so its own WARN line is turned off and this one written with the status it answered.
 */
@Configuration(proxyBeanMethods = false)
class ClientMistakesLog implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.replaceAll(r -> r.getClass() == DefaultHandlerExceptionResolver.class ? new ByStatus() : r);
    }

    /** Spring's resolver, logging under its own category: 4xx at DEBUG, 5xx at WARN. */
    static class ByStatus extends DefaultHandlerExceptionResolver {

        private static final Log LOG = LogFactory.getLog(DefaultHandlerExceptionResolver.class);

        ByStatus() {
            setWarnLogCategory(null); // no WARN for every resolved exception: doResolveException says which
        }

        @Override
        protected ModelAndView doResolveException(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            ModelAndView resolved = super.doResolveException(request, response, handler, ex);
            if (resolved != null) {
                int status = response.getStatus();
                if (status >= 500) {
                    LOG.warn("Resolved [" + ex + "] as " + status, ex);
                } else if (LOG.isDebugEnabled()) {
                    LOG.debug("Resolved [" + ex + "] as " + status);
                }
            }
            return resolved;
        }
    }
}
