package dev.sonority.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * common-contract stays plain Java: inference-service depends on it alone, so a Spring, JDBC or AMQP type here
 * would pull those back onto its class path.
 */
class PlainJavaTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sonority.contract");

    @Test
    void dependsOnTheJdkJacksonAnnotationsAndJSpecifyOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.sonority.contract..", "java..", "com.fasterxml.jackson.annotation..",
                        "org.jspecify.annotations..")
                .check(MAIN);
    }
}
