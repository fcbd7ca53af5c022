package dev.sonority.audio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** audio-core is a plain Java library: the apps wire it into Spring, it never depends on Spring itself. */
@AnalyzeClasses(packages = "dev.sonority.audio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().that().resideInAPackage("dev.sonority.audio..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.inject..")
            .because("audio-core is plain Java; only the Spring Boot apps wire it");
}
