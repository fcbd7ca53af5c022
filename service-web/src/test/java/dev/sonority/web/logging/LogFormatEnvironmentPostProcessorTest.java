package dev.sonority.web.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatEnvironmentPostProcessorTest {

    private final LogFormatEnvironmentPostProcessor processor = new LogFormatEnvironmentPostProcessor();

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void jsonSelectsStructuredEcsConsoleLogs() {
        StandardEnvironment environment = environment(Map.of("LOG_FORMAT", "JSON"));
        processor.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void textAndUnsetKeepThePlainPattern() {
        for (Map<String, Object> properties : java.util.List.<Map<String, Object>>of(Map.of("LOG_FORMAT", "text"), Map.of())) {
            StandardEnvironment environment = environment(properties);
            processor.postProcessEnvironment(environment, null);
            assertThat(environment.getProperty("logging.structured.format.console")).as(properties.toString()).isNull();
        }
    }

    @Test
    void anExplicitStructuredFormatWins() {
        StandardEnvironment environment = environment(
                Map.of("LOG_FORMAT", "json", "logging.structured.format.console", "logstash"));
        processor.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anythingElseIsRejectedWithTheValidValues() {
        assertThatThrownBy(() -> processor.postProcessEnvironment(environment(Map.of("LOG_FORMAT", "xml")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'text' or 'json'").hasMessageContaining("xml");
    }
}
