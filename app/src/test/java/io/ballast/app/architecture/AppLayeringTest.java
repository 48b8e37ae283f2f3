package io.ballast.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client talks to agents over HTTP only; it never links the agent's internals. */
@AnalyzeClasses(packages = "io.ballast", importOptions = ImportOption.DoNotIncludeTests.class)
class AppLayeringTest {

    @ArchTest
    static final ArchRule appDoesNotUseTheAgent = noClasses()
            .that().resideInAPackage("io.ballast.app..")
            .should().dependOnClassesThat().resideInAPackage("io.ballast.agent..")
            .because("the client reaches agents through their HTTPS API, and the launcher starts the agent's main");

    @ArchTest
    static final ArchRule headlessCommandsDoNotNeedJavaFx = noClasses()
            .that().resideInAPackage("io.ballast.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("`ballast validate` and `ballast plan` must run on a machine without a display");
}
