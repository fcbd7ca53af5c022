package dev.sonority.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Wires the front door into a servlet service: the filters in the order a request meets them (Host, Origin,
 * local caller, {@code /error}, query string, body size), Tomcat's JSON error valve, ASCII-only integers.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebGuardProperties.class)
public class WebGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErrorResponder errorResponder() {
        return new ProblemJsonResponder();
    }

    @Bean
    FilterRegistrationBean<LoopbackHostFilter> loopbackHostFilter(
            @Value("${server.address:" + WebEnvironmentPostProcessor.LOOPBACK + "}") String boundAddress,
            WebGuardProperties properties, ErrorResponder responder) {
        FilterRegistrationBean<LoopbackHostFilter> registration = register(
                new LoopbackHostFilter(boundAddress, properties.allowedHosts(), responder), 1);
        registration.setEnabled(isLoopback(boundAddress));
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossOriginWriteFilter> crossOriginWriteFilter(WebGuardProperties properties,
            ErrorResponder responder) {
        return register(new CrossOriginWriteFilter(properties.corsOrigins(), responder), 2);
    }

    @Bean
    FilterRegistrationBean<LoopbackCallerFilter> loopbackCallerFilter(WebGuardProperties properties,
            ErrorResponder responder) {
        return register(new LoopbackCallerFilter(properties.metricsOpen(), responder), 3);
    }

    @Bean
    FilterRegistrationBean<ErrorPathFilter> errorPathFilter(@Value("${server.error.path:/error}") String errorPath,
            ErrorResponder responder) {
        return register(new ErrorPathFilter(errorPath, responder), 4);
    }

    @Bean
    FilterRegistrationBean<StrictQueryFilter> strictQueryFilter(ErrorResponder responder) {
        FilterRegistrationBean<StrictQueryFilter> registration = register(new StrictQueryFilter(responder), 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(WebGuardProperties properties, ErrorResponder responder) {
        return register(new BodySizeFilter(properties.maxBody().toBytes(), properties.rawBodyPaths(), responder), 6);
    }

    @Bean
    TomcatContextCustomizer jsonTomcatErrors(ErrorResponder responder) {
        return new TomcatFrontDoor(responder);
    }

    @Bean
    FilterRegistrationBean<PreflightAllowFilter> preflightAllowFilter() {
        return register(new PreflightAllowFilter(), 7);
    }

    @Bean
    CorsRules corsRules(WebGuardProperties properties) {
        return new CorsRules(properties.corsOrigins());
    }

    @Bean
    AsciiNumberBinding asciiNumberBinding() {
        return new AsciiNumberBinding();
    }

    @Bean
    JsonErrorController jsonErrorController(ErrorAttributes errors, ErrorResponder responder) {
        return new JsonErrorController(errors, responder);
    }

    /** After the request-path filters that run at {@link Ordered#HIGHEST_PRECEDENCE}, before everything else. */
    private static <F extends Filter> FilterRegistrationBean<F> register(F filter, int position) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
        return registration;
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
