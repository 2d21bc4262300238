package com.enrollbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core (directories, enrollment, access, audit) speaks in records and results: the retired bot SDK, the
 * Graph and identity SDKs and the database library stay in the outer layers, where they can be replaced.
 */
@AnalyzeClasses(packages = "com.enrollbot", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule coreImportsNoBotSdkGraphOrJdbi = noClasses()
            .that().resideInAPackage("com.enrollbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.microsoft.bot..", "com.microsoft.graph..", "com.azure..", "com.microsoft.kiota..",
                    "org.jdbi..", "okhttp3..", "org.springframework..", "jakarta.servlet..",
                    "com.enrollbot.bot..", "com.enrollbot.entra..", "com.enrollbot.persistence..", "com.enrollbot.cards..")
            .because("the core knows nothing of Teams, Graph, JDBI or Spring (docs/design.md)");

    @ArchTest
    static final ArchRule onlyTheBotLayerTouchesTheBotSdk = noClasses()
            .that().resideOutsideOfPackages("com.enrollbot.bot..")
            .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
            .because("the bot SDK is retired upstream: it stays in one replaceable layer");

    @ArchTest
    static final ArchRule onlyDemoModeKnowsTheDemo = noClasses()
            .that().resideOutsideOfPackages("com.enrollbot.demo..")
            .should().dependOnClassesThat().resideInAPackage("com.enrollbot.demo..")
            .because("demo mode is switched on by its own profile and initializer; production code never reaches into it");
}
