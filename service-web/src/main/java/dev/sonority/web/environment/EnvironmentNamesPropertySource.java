package dev.sonority.web.environment;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Answers a property with the value of its environment variable ({@link EnvironmentNames}), looked up in the
 * environment when it is asked, so a variable a test registers late (a {@code @DynamicPropertySource}) counts
 * too. Not enumerable: it holds no values of its own, only the way to them.
 */
final class EnvironmentNamesPropertySource extends PropertySource<EnvironmentNames> {

    static final String NAME = "sonorityEnvironmentNames";

    private final Environment environment;

    EnvironmentNamesPropertySource(EnvironmentNames names, Environment environment) {
        super(NAME, names);
        this.environment = environment;
    }

    /**
     * The first of the property's variables that is set and not blank; else a blank one, as it was given (a
     * blank {@code INFERENCE_TEXT_MODEL} turns text vectors off); null when none is set.
     */
    @Override
    public @Nullable Object getProperty(String name) {
        List<String> variables = getSource().variables(name);
        String blank = null;
        for (String variable : variables) {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
            blank = blank == null ? value : blank;
        }
        return blank;
    }
}
