package dev.sonority.worker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

/**
 * The worker's packages form no cycles, no worker code reaches into another service, and task code knows no
 * JPA (task rows change only through common-model's TaskTransitions).
 */
class ArchitectureTest {

    static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.sonority.worker");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.sonority.worker.(*)..").should().beFreeOfCycles().check(WORKER);
    }

    @Test
    void theWorkerDependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.sonority.api..", "dev.sonority.inference..",
                "dev.sonority.launcher..").check(WORKER);
    }

    @Test
    void tasksUseNoJpa() {
        noClasses().that().resideInAPackage("..tasks..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.springframework.data.jpa..",
                        "org.springframework.orm.jpa..")
                .because("task rows change only through TaskTransitions, with JdbcClient").check(WORKER);
    }

    /** Settings come from @ConfigurationProperties records, where their defaults live (service-web's HouseRules). */
    @Test
    void valueOnlyInConfiguration() {
        dev.sonority.web.testing.HouseRules.VALUE_ONLY_IN_CONFIGURATION.check(WORKER);
    }

    /** No test fixture in this module's main source (service-web's HouseRules). */
    @Test
    void noTestFixturesInMainSource() throws URISyntaxException {
        dev.sonority.web.testing.HouseRules.checkNoFixturesInMainSource(ArchitectureTest.class);
    }
}
