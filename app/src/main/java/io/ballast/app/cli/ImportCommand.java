package io.ballast.app.cli;

import io.ballast.app.editing.transfer.ClusterImport;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ballast import FILE}: a keepalived.conf (with its includes) or {@code ipvsadm-save -n} output,
 * told apart by content, as a cluster spec in JSON on stdout; every line not taken over as written
 * on stderr. A file that cannot be parsed prints nothing on stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads a keepalived.conf or ipvsadm-save output and prints the cluster as JSON.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was taken over", "1:imported, but some lines were not taken over as written"
                + " (listed on stderr)", "2:the file could not be read or parsed (file:line on stderr)"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "keepalived.conf or ipvsadm-save -n output")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "the cluster's name (default: router_id or the file name)")
    private String name;

    @Option(names = "--config-id", paramLabel = "ID",
            description = "keepalived's config id (-i) for @ID-prefixed lines; without it such lines are reported")
    private String configId;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return ExitCodes.TROUBLE;
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return ExitCodes.TROUBLE;
        }
        ClusterImport.Imported imported;
        try {
            imported = ClusterImport.read(file.toString().replace('\\', '/'), text, name, configId);
        } catch (ClusterImport.ImportFailedException e) {
            err.println(e.getMessage());
            return ExitCodes.TROUBLE;
        }
        out.print(SpecCodec.write(imported.spec()));
        out.println();
        out.flush();
        if (!imported.report().isClean()) {
            err.println(imported.report().text());
        }
        for (String note : imported.notes()) {
            err.println(file + ": note: " + note);
        }
        return imported.report().isClean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

}
