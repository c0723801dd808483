package io.mrtck.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The conformance suites must run unchanged against a real Oracle NoSQL deployment, so they may
 * use only public surfaces: the SDK, the topology SPI (admin commands, agent statistics, fault
 * hooks), the client helpers and the harness — never the reference region's internals
 * (DESIGN.md "Conformance suites").
 */
class SuitesUsePublicSurfacesTest {

    @Test
    void suitesNeverDependOnTheReferenceRegion() {
        JavaClasses suites = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.mrtck.suites");
        noClasses().that().resideInAPackage("io.mrtck.suites..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mrtck.reference..", "io.mrtck.topology.embedded..")
            .because("suites see a region only through the SDK, the admin commands and agent statistics")
            .check(suites);
    }
}
