package dev.sonority.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides each request by {@link AccessRules}: the route is looked up in Spring MVC's own request mappings (the
 * ones that will serve it), and the caller's role, from its key or its signed-in session, must cover the rule's.
 */
final class RouteAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessRules rules;
    private final ObjectProvider<RequestMappingHandlerMapping> endpoints;

    RouteAuthorization(AccessRules rules, ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        this.rules = rules;
        this.endpoints = endpoints;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Optional<Role> needed = rules.required(request.getMethod(), pattern(request), path(request));
        if (needed.isEmpty()) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        boolean granted = caller instanceof KeyAuthentication key && key.role().covers(needed.get());
        return new AuthorizationDecision(granted);
    }

    /** The route pattern MVC matches for this request, or null when no API controller serves it. */
    private String pattern(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            if (previous == null) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            HandlerExecutionChain chain = endpoints.getObject().getHandler(request);
            return chain == null ? null : String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        } catch (Exception e) {
            return null; // a method that no route takes (405 to be), or a request MVC refuses: the method rule
        } finally {
            request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE);
        }
    }

    private static String path(HttpServletRequest request) {
        return ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value()
                : request.getRequestURI();
    }
}
