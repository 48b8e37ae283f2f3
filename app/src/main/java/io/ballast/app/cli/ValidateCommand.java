package io.ballast.app.cli;

import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ballast validate FILE…}: prints every problem of each spec with its JSON path. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks cluster spec files and prints every problem with its JSON path.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is a valid spec", "1:a spec has problems", "2:a file could not be read"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "cluster spec JSON files")
    private List<Path> files;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int worst = ExitCodes.OK;
        for (Path file : files) {
            worst = Math.max(worst, check(file));
        }
        return worst;
    }

    private int check(Path file) {
        Optional<ClusterSpec> read = SpecFiles.read(file, spec.commandLine().getErr());
        if (read.isEmpty()) {
            return ExitCodes.TROUBLE;
        }
        List<Problem> problems = Validator.validate(read.get());
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(file + ": valid " + read.get().form() + " cluster '"
                    + read.get().name() + "' (" + read.get().virtualServices().size() + " virtual services)");
            return ExitCodes.OK;
        }
        for (Problem problem : problems) {
            spec.commandLine().getErr().println(file + ": " + problem);
        }
        spec.commandLine().getErr().println(file + ": " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s"));
        return ExitCodes.PROBLEMS;
    }
}
