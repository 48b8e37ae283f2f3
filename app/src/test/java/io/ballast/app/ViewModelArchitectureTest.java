package io.ballast.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ViewModels hold properties, never Nodes, so they are tested without a toolkit; the client never links the agent. */
class ViewModelArchitectureTest {

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ballast.app");

    @Test
    void viewModelsAndTheirItemsDoNotKnowNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameEndingWith("Item")
                .or().resideInAPackage("io.ballast.app.concurrent")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(app);
    }

    @Test
    void connectionLayerDoesNotKnowTheViews() {
        noClasses().that().resideInAPackage("io.ballast.app.connection")
                .and().haveSimpleNameNotEndingWith("Dialog")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "io.ballast.app.topology..",
                        "io.ballast.app.metrics..", "io.ballast.app.timeline..", "io.ballast.app.main..")
                .check(app);
    }

    @Test
    void onlyTheKernelLabUsesNamespacesSoThePlainLabLoadsNothingLinuxOnly() {
        noClasses().that().resideOutsideOfPackage("io.ballast.app.lab.kernel..")
                .should().dependOnClassesThat().resideInAPackage("io.ballast.netns..")
                .check(app);
        noClasses().that().resideOutsideOfPackage("io.ballast.app.lab.kernel..")
                .and().doNotHaveFullyQualifiedName("io.ballast.app.cli.LabCommand")
                .should().dependOnClassesThat().resideInAPackage("io.ballast.app.lab.kernel..")
                .check(app);
    }

    @Test
    void clientNeverLinksTheAgent() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.ballast.agent..").check(app);
    }
}
