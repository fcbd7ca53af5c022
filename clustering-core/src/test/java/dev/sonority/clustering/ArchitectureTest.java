package dev.sonority.clustering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** clustering-core is a plain Java library whose feature packages do not go round in circles. */
@AnalyzeClasses(packages = "dev.sonority.clustering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().that().resideInAPackage("dev.sonority.clustering..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.inject..",
                    "java.sql..", "com.rabbitmq..")
            .because("clustering-core is plain Java; batch-worker and api-service wire it");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.sonority.clustering.(*)..").should().beFreeOfCycles();
}
