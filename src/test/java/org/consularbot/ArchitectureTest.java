package org.consularbot;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.consularbot.faq.ArchitectureViolationFixture;
import org.consularbot.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the guide, checked on the compiled classes: the core ({@code faq}, {@code conversation},
 * {@code handoff}, {@code advisory}) imports no adapter and no framework; adapters do not import each other (only the composition root,
 * {@code cli}, knows them all); no package cycles.
 */
class ArchitectureTest {

    /** The Zalo channel's token vault port and the types it speaks in. */
    static final DescribedPredicate<JavaClass> ZALO_TOKEN_PORT = DescribedPredicate.describe(
            "the Zalo token vault port",
            c -> c.getName().startsWith("org.consularbot.channel.zalo.ZaloTokens")
                    || c.getName().equals("org.consularbot.channel.zalo.ZaloException"));

    static final String[] CORE = {
        "org.consularbot.faq..",
        "org.consularbot.conversation..",
        "org.consularbot.handoff..",
        "org.consularbot.advisory.."
    };
    static final String[] ADAPTERS_AND_FRAMEWORKS = {
        "org.consularbot.channel..",
        "org.consularbot.store..",
        "org.consularbot.web..",
        "org.consularbot.cli..",
        "org.consularbot.llm..",
        "org.consularbot.metrics..",
        "org.consularbot.config..",
        "org.consularbot.eval..",
        "org.telegram..",
        "io.javalin..",
        "picocli..",
        "com.zaxxer..",
        "org.flywaydb..",
        "dev.langchain4j..",
        "io.micrometer..",
        "org.eclipse.jetty..",
        "java.sql..",
        "javax.sql.."
    };

    static final ArchRule CORE_IS_FREE = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS_AND_FRAMEWORKS)
            .because("the core must not know its adapters or frameworks; adapters depend on the core");
    static final ArchRule CHANNELS_APART = slices().matching("org.consularbot.channel.(*)..")
            .should()
            .notDependOnEachOther()
            .because("one channel's code must not reach into another's");
    /**
     * One exception, named: the store implements the token vault port the Zalo channel owns (its own types: the pair,
     * the renewal, ZaloException). Moving that port out of the channel would lift it.
     */
    static final ArchRule ADAPTERS_APART = slices().matching("org.consularbot.(store|web|llm|metrics|channel)..")
            .should()
            .notDependOnEachOther()
            .because("adapters meet only through the core and the composition root")
            .ignoreDependency(resideInAPackage("org.consularbot.store"), ZALO_TOKEN_PORT);

    static final ArchRule NO_CYCLES =
            slices().matching("org.consularbot.(**)").should().beFreeOfCycles();

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.consularbot");
    }

    @Test
    void theCoreImportsNoAdapterAndNoFramework() {
        CORE_IS_FREE.check(product);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        CHANNELS_APART.check(product);
        ADAPTERS_APART.check(product);
    }

    @Test
    void packagesHaveNoCycles() {
        NO_CYCLES.check(product);
    }

    /** The rules are not vacuous: a core class that opens the database, and a channel that reads the store, fail them. */
    @Test
    void aViolationFailsTheRules() {
        JavaClasses violating = new ClassFileImporter()
                .importClasses(
                        ArchitectureViolationFixture.class,
                        org.consularbot.channel.telegram.ArchitectureViolationFixture.class,
                        Database.class);

        assertThatThrownBy(() -> CORE_IS_FREE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.consularbot.faq.ArchitectureViolationFixture");
        assertThatThrownBy(() -> ADAPTERS_APART.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.consularbot.channel.telegram.ArchitectureViolationFixture");
    }
}
