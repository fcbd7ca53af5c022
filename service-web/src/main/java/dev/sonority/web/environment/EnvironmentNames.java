package dev.sonority.web.environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The environment variables users set (.env.template, docs/configuration.md) and the property each one sets, as
 * every module on the class path declares them in {@value #RESOURCE}: one line per property,
 * {@code property.name=VARIABLE}, or {@code property.name=VARIABLE,OLDER_NAME} when an older name is still read
 * (the first that is set and not blank wins). A module declares only the properties it reads; the defaults are
 * not here but on the {@code @ConfigurationProperties} records (or, for Spring Boot's own properties, in the
 * application's yaml), so each has one home.
 */
public final class EnvironmentNames {

    /** Where each module lists its variables. */
    public static final String RESOURCE = "META-INF/sonority/environment-names.properties";

    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Map<String, List<String>> variablesByProperty;

    private EnvironmentNames(Map<String, List<String>> variablesByProperty) {
        this.variablesByProperty = Collections.unmodifiableMap(variablesByProperty);
    }

    /** Every {@value #RESOURCE} the class loader sees. */
    public static EnvironmentNames load(ClassLoader classLoader) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                try (InputStream in = url.openStream()) {
                    Properties file = new Properties();
                    file.load(in);
                    for (String property : file.stringPropertyNames()) {
                        add(names, property, file.getProperty(property), url);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
        }
        return new EnvironmentNames(names);
    }

    /** The variables of each property, in the order they are tried. */
    public Map<String, List<String>> variablesByProperty() {
        return variablesByProperty;
    }

    /** The variables of {@code property}, or an empty list when it has none. */
    public List<String> variables(String property) {
        return variablesByProperty.getOrDefault(property, List.of());
    }

    private static void add(Map<String, List<String>> names, String property, String value, URL from) {
        List<String> variables = Arrays.stream(value.split(",")).map(String::strip).toList();
        if (!PROPERTY.matcher(property).matches() || variables.stream().anyMatch(v -> !VARIABLE.matcher(v).matches())) {
            throw new IllegalStateException(from + ": '" + property + "=" + value + "' is not"
                    + " 'property.name=VARIABLE[,OLDER_NAME]' (kebab-case property, upper-case variables)");
        }
        List<String> earlier = names.putIfAbsent(property, variables);
        if (earlier != null && !earlier.equals(variables)) {
            throw new IllegalStateException(from + ": " + property + " is read from " + variables
                    + ", but another module of this application reads it from " + earlier);
        }
    }
}
