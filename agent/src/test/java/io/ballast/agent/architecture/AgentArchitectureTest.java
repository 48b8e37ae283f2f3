package io.ballast.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The agent stands alone: no desktop toolkit, no client code; inner layers do not reach for outer ones. */
@AnalyzeClasses(packages = "io.ballast.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the agent runs headless on directors");

    @ArchTest
    static final ArchRule noClientCode = noClasses().should().dependOnClassesThat().resideInAPackage("io.ballast.app..")
            .because("the app talks to the agent over HTTPS only; it never links the agent, nor the agent it");

    @ArchTest
    static final ArchRule coreKnowsNoHttp = noClasses().that().resideInAnyPackage(
                    "io.ballast.agent.reconcile..", "io.ballast.agent.state..", "io.ballast.agent.dataplane..",
                    "io.ballast.agent.failover..", "io.ballast.agent.health..", "io.ballast.agent.stats..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ballast.agent.api..", "io.javalin..")
            .because("the API is one way into the core, not part of it");

    @ArchTest
    static final ArchRule planesKnowNoReconciler = noClasses().that().resideInAPackage("io.ballast.agent.dataplane..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ballast.agent.reconcile..", "io.ballast.agent.failover..")
            .because("a plane only applies plans; deciding what to apply is the reconciler's job");

    @ArchTest
    static final ArchRule nativeAccessStaysBehindTheNetlinkSocket = noClasses().that()
            .resideOutsideOfPackage("io.ballast.agent.dataplane.nftables.netlink..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("JNA is for the netlink socket's libc calls only; the rest of the agent is plain Java");
}
