package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A path whose id is no whole number ({@code GET /api/handovers/abc}) is a 400 at {@code id}, "must be a
 * whole number", as for a mapping's plain {@code /{id}} ({@code /api/accounts/abc}). Some mappings take
 * only digits ({@code /{id:-?\d+}}) so that a fixed word beside them keeps its own answer ({@code PUT
 * /api/people/me} a 405, not a bad id); what their pattern refused then found no handler and was a 404,
 * "there is nothing at this address". Consulted after the controllers' mapping, this one finds the
 * mapping the request would reach with any text in those variables, and throws what Spring throws for a
 * plain {@code /{id}} that is no number: {@link MethodArgumentTypeMismatchException} for the method's
 * parameter, worded by the API's and the pages' error handling alike. It never takes a request a
 * controller answers. Someone the mapping's {@code @PreAuthorize} refuses is refused first, as for any
 * other bad input ({@link PreAuthorizeBeforeBinding}): {@code PUT /api/people/abc} is a rep's 403.
 */
@Component
class WholeNumberPaths extends AbstractHandlerMapping implements SmartInitializingSingleton {

    /** A path variable with a pattern of its own, {@code {id:-?\d+}}: its name and its pattern. */
    private static final Pattern CONSTRAINED = Pattern.compile("\\{(\\w+):([^}]*)}");

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final RequestMappingHandlerMapping controllers;

    private final List<Relaxed> relaxed = new ArrayList<>();

    /**
     * The literal starts of the relaxed mappings' paths ({@code /api/handovers/}, {@code /people/}): a
     * request under none of them (a static file, an unknown page) skips the loop over every mapping.
     */
    private final Set<String> roots = new LinkedHashSet<>();

    private final PreAuthorizeBeforeBinding authorization;

    WholeNumberPaths(
            RequestMappingHandlerMapping requestMappingHandlerMapping, PreAuthorizeBeforeBinding authorization) {
        this.controllers = requestMappingHandlerMapping;
        this.authorization = authorization;
        setOrder(controllers.getOrder() + 1); // before the static resources, which answer any other path 404
    }

    /**
     * A controller's mapping with its constrained variables unconstrained, and for each of its
     * (unconstrained) patterns the variables' own patterns.
     */
    private record Relaxed(RequestMappingInfo info, HandlerMethod method, Map<String, Map<String, Pattern>> own) {}

    @Override
    public void afterSingletonsInstantiated() {
        controllers.getHandlerMethods().forEach((info, method) -> {
            Map<String, Map<String, Pattern>> own = new LinkedHashMap<>();
            for (String path : info.getPatternValues()) {
                Map<String, Pattern> variables = new LinkedHashMap<>();
                Matcher constrained = CONSTRAINED.matcher(path);
                String loose = constrained.replaceAll(m -> {
                    variables.put(m.group(1), Pattern.compile(m.group(2)));
                    return Matcher.quoteReplacement("{" + m.group(1) + "}");
                });
                own.put(loose, variables);
            }
            if (own.values().stream().anyMatch(variables -> !variables.isEmpty())) {
                RequestMappingInfo loose = info.mutate()
                        .paths(own.keySet().toArray(String[]::new))
                        .options(controllers.getBuilderConfiguration())
                        .build();
                relaxed.add(new Relaxed(loose, method, own));
                own.keySet().forEach(path -> roots.add(root(path)));
            }
        });
    }

    /**
     * What {@code path} starts with before its first variable or wildcard: {@code /api/handovers/} of
     * {@code /api/handovers/{id}}.
     */
    static String root(String path) {
        int variable = path.indexOf('{');
        int wildcard = path.indexOf('*');
        int end = variable < 0 ? wildcard : wildcard < 0 ? variable : Math.min(variable, wildcard);
        return end < 0 ? path : path.substring(0, end);
    }

    /** Whether the request's path lies under one of the relaxed mappings' {@link #roots}. */
    boolean mayRelax(String path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String path = initLookupPath(request);
        if (!mayRelax(path)) {
            return null;
        }
        for (Relaxed mapping : relaxed) {
            RequestMappingInfo match = mapping.info().getMatchingCondition(request);
            MethodArgumentTypeMismatchException mismatch = match == null
                    ? null
                    : mismatch(mapping, match.getPathPatternsCondition().getFirstPattern(), request);
            if (mismatch != null) {
                authorization.refuseUnlessGranted(mapping.method());
                throw mismatch;
            }
        }
        return null;
    }

    /** The first variable of the matched path that its own pattern refuses, as Spring tells a plain one; or null. */
    private static MethodArgumentTypeMismatchException mismatch(
            Relaxed mapping, PathPattern loose, HttpServletRequest request) {
        PathContainer path =
                ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        Map<String, String> values = loose.matchAndExtract(path).getUriVariables();
        for (Map.Entry<String, Pattern> variable :
                mapping.own().get(loose.getPatternString()).entrySet()) {
            String value = values.get(variable.getKey());
            if (!variable.getValue().matcher(value).matches()) {
                MethodParameter parameter = parameter(mapping.method(), variable.getKey());
                return new MethodArgumentTypeMismatchException(
                        value, parameter.getParameterType(), variable.getKey(), parameter, null);
            }
        }
        return null; // every variable is as its pattern wants: not this mapping's to tell
    }

    private static MethodParameter parameter(HandlerMethod method, String variable) {
        for (MethodParameter declared : method.getMethodParameters()) {
            MethodParameter parameter =
                    new MethodParameter(declared); // named as Spring names it, not changing the original
            parameter.initParameterNameDiscovery(NAMES);
            PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
            if (annotation != null && variable.equals(name(annotation, parameter))) {
                return parameter;
            }
        }
        throw new IllegalStateException(method + " takes no path variable " + variable);
    }

    private static String name(PathVariable annotation, MethodParameter parameter) {
        return !annotation.name().isEmpty()
                ? annotation.name()
                : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
    }
}
