package org.libvirt4j.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules over every libvirt4j class on the class path (tests excluded): the API
 * depends only on the JDK, backends never depend on each other, packages have no cycles, and
 * library code never prints.
 */
public abstract class ArchitectureTck extends TckArea {
    private static volatile JavaClasses classes;

    ArchitectureTck() {
    }

    static JavaClasses libvirt4j() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/test-classes/"))
                    .importPackages("org.libvirt4j");
        }
        return classes;
    }

    /** Fails when the API (org.libvirt4j, .spi, .internal) imports anything outside java.* and itself. */
    @Test
    @DisplayName("The API depends only on java.* and itself")
    void apiDependsOnlyOnJava() {
        classes().that().resideInAnyPackage("org.libvirt4j", "org.libvirt4j.spi..", "org.libvirt4j.internal..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.libvirt4j", "org.libvirt4j.spi..", "org.libvirt4j.internal..")
                .check(libvirt4j());
    }

    /** Fails when one backend uses another's classes; shared logic belongs in the API's spi package. */
    @Test
    @DisplayName("Backends do not depend on each other")
    void backendsIndependent() {
        String[][] pairs = {
            {"org.libvirt4j.jna..", "org.libvirt4j.jni..", "org.libvirt4j.remote.."},
            {"org.libvirt4j.jni..", "org.libvirt4j.jna..", "org.libvirt4j.remote.."},
            {"org.libvirt4j.remote..", "org.libvirt4j.jna..", "org.libvirt4j.jni.."},
        };
        for (String[] p : pairs) {
            noClasses().that().resideInAPackage(p[0])
                    .should().dependOnClassesThat().resideInAnyPackage(p[1], p[2])
                    .allowEmptyShould(true)
                    .check(libvirt4j());
        }
    }

    /** Fails when top-level packages (org.libvirt4j.jna.., .spi.., .remote.., ...) depend on each other in a cycle. */
    @Test
    @DisplayName("libvirt4j's packages have no cycles")
    void noCycles() {
        slices().matching("org.libvirt4j.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(libvirt4j());
    }

    /** Fails when library code (anything but the CLI) uses System.out or System.err. */
    @Test
    @DisplayName("Library code never writes to System.out or System.err")
    void noStdout() {
        ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("org.libvirt4j.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true)
                .check(libvirt4j());
    }
}
