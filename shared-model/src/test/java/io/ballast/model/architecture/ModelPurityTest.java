package io.ballast.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shared-model is pure: no UI, no agent or app internals, no sockets, channels or files. */
@AnalyzeClasses(packages = "io.ballast.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelPurityTest {

    @ArchTest
    static final ArchRule modelUsesNoJavaFx = noClasses().that().resideInAPackage("io.ballast.model..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the model is shared with the agent, which has no UI");

    @ArchTest
    static final ArchRule modelKnowsNeitherAgentNorApp = noClasses().that().resideInAPackage("io.ballast.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ballast.agent..", "io.ballast.app..")
            .because("dependencies point one way: app → shared-model ← agent");

    @ArchTest
    static final ArchRule modelDoesNoIo = noClasses().that().resideInAPackage("io.ballast.model..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..")
            .orShould().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("the model is pure: strings in, strings out; callers do the I/O");
}
