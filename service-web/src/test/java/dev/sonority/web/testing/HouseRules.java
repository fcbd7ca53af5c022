package dev.sonority.web.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Architecture rules every service's ArchitectureTest applies the same way. */
public final class HouseRules {

    private static final String VALUE = "org.springframework.beans.factory.annotation.Value";
    private static final String[] CONFIGURATIONS = {"org.springframework.context.annotation.Configuration",
        "org.springframework.boot.autoconfigure.AutoConfiguration"};

    private HouseRules() {
    }

    /**
     * Settings reach code through {@code @ConfigurationProperties} records, where their defaults live; a
     * configuration class may still hand a single property to a bean it creates.
     */
    public static final ArchRule VALUE_ONLY_IN_CONFIGURATION = classes()
            .that().areNotAnnotatedWith(CONFIGURATIONS[0]).and().areNotAnnotatedWith(CONFIGURATIONS[1])
            .should(new ArchCondition<JavaClass>("not inject @Value outside configuration classes") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (JavaField field : type.getFields()) {
                        if (field.isAnnotatedWith(VALUE)) {
                            events.add(SimpleConditionEvent.violated(type, field.getFullName() + " is @Value"));
                        }
                    }
                    for (JavaCodeUnit unit : type.getCodeUnits()) {
                        for (JavaParameter parameter : unit.getParameters()) {
                            if (parameter.isAnnotatedWith(VALUE)) {
                                events.add(SimpleConditionEvent.violated(type, unit.getFullName()
                                        + " takes a @Value parameter; bind a @ConfigurationProperties record"));
                            }
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    /**
     * Test fixtures (generated audio, test signals) live in the audio-fixtures module, which only tests and bench
     * depend on: no class of a {@code ..fixture..} package may be in a service's main source, nor may main code
     * use one. Imports the module's own main classes (target/classes, next to the target/test-classes that hold
     * {@code testClass}), whatever their package, and no dependency: fixtures on the test class path are allowed.
     */
    public static void checkNoFixturesInMainSource(Class<?> testClass) throws URISyntaxException {
        Path testClasses = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses main = new ClassFileImporter().importPath(testClasses.resolveSibling("classes"));
        noClasses().should().resideInAPackage("..fixture..")
                .orShould().dependOnClassesThat().resideInAPackage("..fixture..")
                .because("test fixtures belong in audio-fixtures (test scope), never in a production jar")
                .check(main);
    }
}
