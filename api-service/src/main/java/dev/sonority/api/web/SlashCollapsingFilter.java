package dev.sonority.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code //api/v1/...} (a base URL configured with a trailing slash, as Sola MPD does) work exactly
 * like {@code /api/v1/...}: runs first and collapses runs of slashes in the request URI that Spring MVC
 * matches against. Encoded slashes ({@code %2F}) are data, not separators, and are left alone.
 */
public class SlashCollapsingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        chain.doFilter(uri.contains("//") ? new Collapsed(request, collapse(uri)) : request, response);
    }

    /** {@code uri} with every run of {@code /} replaced by one. */
    public static String collapse(String uri) {
        return dev.sonority.web.RequestPaths.collapsed(uri);
    }

    private static final class Collapsed extends HttpServletRequestWrapper {
        private final String uri;

        Collapsed(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort());
            return url.append(uri);
        }

        @Override
        public String getServletPath() {
            return collapse(super.getServletPath());
        }
    }
}
