package dev.sonority.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Starts a real Sonority application that is expected to fail and returns the analysis Spring Boot prints
 * for it: the failure analyzers registered in every {@code META-INF/spring.factories} on the class path
 * (Sonority's and Spring Boot's own), in their order, given the failed context's environment, as Boot's
 * {@code FailureAnalyzers} does.
 *
 * <pre>
 * FailureAnalysis analysis = StartupFailures.analysisOf(new SpringApplication(App.class), "--MUSIC_DIR=/nowhere");
 * </pre>
 */
public final class StartupFailures {

    private StartupFailures() {
    }

    /** Runs {@code application} with {@code args}; fails the test if it starts. */
    public static FailureAnalysis analysisOf(SpringApplication application, String... args) {
        AtomicReference<ConfigurableApplicationContext> failed = new AtomicReference<>();
        application.addListeners(
                (ApplicationListener<ApplicationFailedEvent>) event -> failed.set(event.getApplicationContext()));
        Throwable failure = catchThrowable(() -> application.run(args).close());
        assertThat(failure).as("the application started").isNotNull();
        FailureAnalysis analysis = analyze(failure, failed.get());
        assertThat(analysis).as("no failure analyzer explains " + failure).isNotNull();
        return Objects.requireNonNull(analysis);
    }

    private static FailureAnalysis analyze(Throwable failure, ConfigurableApplicationContext context) {
        SpringFactoriesLoader.ArgumentResolver arguments = SpringFactoriesLoader.ArgumentResolver
                .of(BeanFactory.class, context == null ? null : context.getBeanFactory())
                .and(Environment.class, context == null ? null : context.getEnvironment());
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, arguments);
        AnnotationAwareOrderComparator.sort(analyzers);
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        return null;
    }
}
