package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters from its query string only, decoded by {@link QueryString}: a malformed query
 * is answered 400 and a NUL in a parameter 422 naming it, before any endpoint runs. Form bodies are never parsed
 * as parameters: no endpoint takes a form, and an audio clip that curl posts as
 * {@code application/x-www-form-urlencoded} must reach its endpoint as bytes, not be consumed (and logged) as one.
 */
public class StrictQueryFilter extends OncePerRequestFilter {

    private final ErrorResponder responder;

    public StrictQueryFilter(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        QueryString query;
        try {
            query = QueryString.parse(request.getQueryString());
        } catch (QueryString.Malformed e) {
            responder.write(request, response, RequestProblem.of(HttpStatus.BAD_REQUEST,
                    "Malformed query string: " + e.getMessage()));
            return;
        }
        String withNul = query.parameterWithNul();
        if (withNul != null) {
            responder.write(request, response, RequestProblem.ofParameter(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Query parameter '" + withNul + "' contains a NUL character (%00), which no value may hold",
                    withNul));
            return;
        }
        chain.doFilter(new QueryParameters(request, query.parameters()), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // an error dispatch must not parse a form body either
    }

    private static final class QueryParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryParameters(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
