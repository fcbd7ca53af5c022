package dev.sonority.api.access;

import dev.sonority.web.ErrorResponder;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring Security for the API. With {@code AUTH_MODE=off} every request passes, as before. With {@code keys}: API
 * keys in a header ({@link ApiKeyFilter}), the web UI's session after {@code POST /api/v1/session}, CSRF tokens
 * on that session's writes ({@link CookieWrites}), and each route's role from {@link AccessRules}. The front
 * door's filters (Host, Origin, query string, body size) run before this chain and keep their checks.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules accessRules(AccessProperties properties) {
        return new AccessRules(properties);
    }

    @Bean
    HttpSessionSecurityContextRepository sessionContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessProperties properties, AccessRules rules, ApiKeys keys,
            ErrorResponder responder, HttpSessionSecurityContextRepository sessions,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        http.httpBasic(AbstractHttpConfigurer::disable).formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable).requestCache(AbstractHttpConfigurer::disable)
                // responses keep the caching headers their controllers set (stats, M3U downloads)
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        if (!properties.keysRequired()) {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        AccessProblems problems = new AccessProblems(responder);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return http.securityContext(context -> context.securityContextRepository(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CookieWrites()))
                .addFilterAt(new ApiKeyFilter(keys, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .anyRequest().access(new RouteAuthorization(rules, endpoints)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * Paths reach the front door and Spring MVC as they always did: song ids hold encoded {@code /} and {@code \},
     * Lainbow's clients send {@code //api}, and {@code SongPath} answers 404 to a path that leaves the music root.
     * Spring Security's own firewall would refuse such paths with its own 400; it is not needed here, because
     * access is decided on the route that MVC matches, however the path was spelled ({@link RouteAuthorization}).
     */
    @Bean
    WebSecurityCustomizer frontDoorFirewall() {
        return web -> web.httpFirewall(new FrontDoorPaths());
    }
}
