package dev.sonority.api.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Spring Security's firewall step, handing requests on unchanged: service-web's front door (Host, Origin, query
 * string, body size, Tomcat's checks) and the endpoints' own path checks already decide what a request may hold,
 * in the API's error shapes.
 */
final class FrontDoorPaths implements HttpFirewall {

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        return new FirewalledRequest(request) {
            @Override
            public void reset() {
                // nothing was changed
            }
        };
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return response;
    }
}
