package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A CORS preflight answers {@code Allow} with the methods the route allows. Spring MVC's dispatcher servlet, when
 * nothing set {@code Allow} during a preflight, falls back to the servlet's full list (GET, HEAD, POST, PUT,
 * DELETE, OPTIONS, PATCH) for any route; this drops that fallback and says what the CORS answer said instead.
 */
public class PreflightAllowFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CorsUtils.isPreFlightRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                    return;
                }
                String methods = getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
                if (methods != null) {
                    super.setHeader(name, methods + ", OPTIONS");
                }
            }
        });
    }
}
