package dev.sonority.inference;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The inference service stays free of the database and the broker, and its packages have no cycles. */
@AnalyzeClasses(packages = "dev.sonority.inference", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDatabaseOrBroker = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "javax.sql..", "java.sql..", "jakarta.persistence..", "org.springframework.jdbc..",
            "org.springframework.data..", "org.springframework.amqp..", "org.flywaydb..")
            .because("inference-service runs alone on a GPU host, reached over HTTP only");

    @ArchTest
    static final ArchRule onlyModelNamesFromCommonModel = noClasses().should().dependOnClassesThat(
            resideInAPackage("dev.sonority.model..").and(not(resideInAPackage("dev.sonority.model.models.."))))
            .because("common-model's JDBC and AMQP dependencies are excluded from this module");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.sonority.inference.(*)..").should().beFreeOfCycles();

    /** Settings come from @ConfigurationProperties records, where their defaults live (service-web's HouseRules). */
    @ArchTest
    static final ArchRule valueOnlyInConfiguration = dev.sonority.web.testing.HouseRules.VALUE_ONLY_IN_CONFIGURATION;

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
