package dev.sonority.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/** The inference service stays free of the database and the broker, and its packages have no cycles. */
@AnalyzeClasses(packages = "dev.sonority.inference", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDatabaseOrBroker = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "javax.sql..", "java.sql..", "jakarta.persistence..", "org.springframework.jdbc..",
            "org.springframework.data..", "org.springframework.amqp..", "org.flywaydb..")
            .because("inference-service runs alone on a GPU host, reached over HTTP only");

    /**
     * The module depends on common-contract alone, not on common-model, so none of what common-model brings
     * (JDBC, Flyway, the PostgreSQL driver, Spring AMQP) is there for an auto-configuration to start.
     */
    @Test
    void noDatabaseBrokerOrCommonModelOnTheClassPath() {
        assertThat(Stream.of("org.springframework.jdbc.core.JdbcTemplate", "org.flywaydb.core.Flyway",
                "org.postgresql.Driver", "org.springframework.amqp.rabbit.core.RabbitTemplate",
                "dev.sonority.model.CommonModelConfiguration").filter(name -> ClassUtils.isPresent(name, null)))
                .isEmpty();
    }

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
