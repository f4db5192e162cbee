package dev.paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of DESIGN.md: the core knows no platform, driver, search library or adapter. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test classes may use anything; the built-in test filter only knows target/test-classes,
        // and builds may use another directory (-Dpaperboy.build.dir).
        ImportOption mainClassesOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(mainClassesOnly).importPackages("dev.paperboy");
    }

    @Test
    void coreDependsOnNoPlatformDriverOrSearchLibrary() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.paperboy.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "net.dv8tion..", "org.telegram..", "java.sql..", "javax.sql..", "org.apache.lucene..",
                        "com.rometools..", "org.flywaydb..", "org.sqlite..", "okhttp3..", "picocli..",
                        "com.fasterxml.jackson..", "ch.qos.logback..");
        rule.check(classes);
    }

    @Test
    void coreDependsOnNoAdapterOrOuterPackage() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.paperboy.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.paperboy.content..", "dev.paperboy.search..", "dev.paperboy.store..",
                        "dev.paperboy.arxiv..", "dev.paperboy.discord..", "dev.paperboy.telegram..",
                        "dev.paperboy.console..", "dev.paperboy.config..", "dev.paperboy.cli..");
        rule.check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        String[] adapters = {"discord", "telegram", "console"};
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!adapter.equals(other)) {
                    noClasses().that().resideInAPackage("dev.paperboy." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.paperboy." + other + "..")
                            .allowEmptyShould(true)
                            .check(classes);
                }
            }
        }
    }
}
