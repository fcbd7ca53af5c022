package dev.sonority.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

/**
 * Feature packages do not form cycles; the shared web package knows no feature; task code knows no JPA (task
 * rows are read with JdbcClient and changed only through common-model's TaskTransitions).
 */
@AnalyzeClasses(packages = "dev.sonority.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.sonority.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses().that().resideInAPackage("dev.sonority.api.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sonority.api.health..", "dev.sonority.api.stats..",
                    "dev.sonority.api.tasks..", "dev.sonority.api.songs..", "dev.sonority.api.deadletters..",
                    "dev.sonority.api.startup..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = noClasses()
            .that().resideInAnyPackage("dev.sonority.api.songs..", "dev.sonority.api.stats..",
                    "dev.sonority.api.deadletters..", "dev.sonority.api.health..")
            .should().dependOnClassesThat().resideInAPackage("dev.sonority.api.tasks..");

    @ArchTest
    static final ArchRule tasksUseNoJpa = noClasses().that().resideInAPackage("..tasks..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.springframework.data.jpa..", "org.springframework.orm.jpa..")
            .because("task rows are read with JdbcClient and changed only through TaskTransitions");

    /** Settings come from @ConfigurationProperties records, where their defaults live (service-web's HouseRules). */
    @ArchTest
    static final ArchRule valueOnlyInConfiguration = dev.sonority.web.testing.HouseRules.VALUE_ONLY_IN_CONFIGURATION;

    /** No test fixture in this module's main source (service-web's HouseRules). */
    @Test
    void noTestFixturesInMainSource() throws URISyntaxException {
        dev.sonority.web.testing.HouseRules.checkNoFixturesInMainSource(ArchitectureTest.class);
    }
}
