package io.ballast.app.cli;

import io.ballast.app.editing.transfer.ClusterExport;
import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ballast export --format keepalived|json SPEC [--director ID]}: a valid spec as a complete
 * keepalived.conf for one director, or as normalised JSON, on stdout.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a cluster spec as a keepalived.conf for one director, or as JSON.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the spec has problems (listed on stderr); nothing written",
                "2:the spec could not be read or cannot be written in that format"})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "keepalived or json")
    private ClusterExport.Format format;

    @Parameters(index = "0", paramLabel = "SPEC", description = "cluster spec JSON file")
    private java.nio.file.Path file;

    @Option(names = "--director", paramLabel = "ID",
            description = "the director the keepalived.conf is for (needed when the spec has more than one)")
    private String director;

    @Option(names = "--script-user", paramLabel = "USER", description = "script_user for script health checks")
    private String scriptUser;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterSpec> read = SpecFiles.read(file, err);
        if (read.isEmpty()) {
            return ExitCodes.TROUBLE;
        }
        List<Problem> problems = Validator.validate(read.get());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(file + ": " + p));
            err.println(file + ": not exported; fix the problems first");
            return ExitCodes.PROBLEMS;
        }
        try {
            out.print(ClusterExport.render(read.get(), format, director, scriptUser));
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return ExitCodes.TROUBLE;
        }
    }

}
