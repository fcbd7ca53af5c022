package dev.sonority.inference;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
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

    /** No test fixture in this module's main source (service-web's HouseRules). */
    @Test
    void noTestFixturesInMainSource() throws URISyntaxException {
        dev.sonority.web.testing.HouseRules.checkNoFixturesInMainSource(ArchitectureTest.class);
    }
}
