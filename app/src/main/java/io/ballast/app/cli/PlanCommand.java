package io.ballast.app.cli;

import io.ballast.model.ClusterSpec;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ballast plan FROM TO}: the operations that turn one spec's table into another's, one line each. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the ordered operations that turn the FROM spec into the TO spec.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:plan printed (possibly empty)", "2:a file could not be read"})
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FROM", description = "the spec in effect")
    private Path from;

    @Parameters(index = "1", paramLabel = "TO", description = "the spec wanted")
    private Path to;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<ClusterSpec> before = SpecFiles.read(from, spec.commandLine().getErr());
        Optional<ClusterSpec> after = SpecFiles.read(to, spec.commandLine().getErr());
        if (before.isEmpty() || after.isEmpty()) {
            return ExitCodes.TROUBLE;
        }
        Plan plan = Planner.between(before.get(), after.get());
        if (plan.isEmpty()) {
            spec.commandLine().getOut().println("no change to the table");
        }
        plan.summaries().forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
