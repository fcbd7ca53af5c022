package dev.sonority.audio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** audio-core is a plain Java library: the apps wire it into Spring, it never depends on Spring itself. */
@AnalyzeClasses(packages = "dev.sonority.audio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().that().resideInAPackage("dev.sonority.audio..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.inject..")
            .because("audio-core is plain Java; only the Spring Boot apps wire it");

    /**
     * Test fixtures (generated audio, test signals) live in the audio-fixtures module, which only tests and bench
     * depend on: no class of a {@code ..fixture..} package may be in this module's main source, nor may main code
     * use one. Imports this module's own main classes (target/classes, next to target/test-classes), whatever their
     * package, and no dependency: the fixtures on the test class path are allowed there.
     */
    @Test
    void noTestFixturesInMainSource() throws URISyntaxException {
        Path testClasses = Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses main = new ClassFileImporter().importPath(testClasses.resolveSibling("classes"));
        noClasses().should().resideInAPackage("..fixture..")
                .orShould().dependOnClassesThat().resideInAPackage("..fixture..")
                .because("test fixtures belong in audio-fixtures (test scope), never in a production jar")
                .check(main);
    }
}
