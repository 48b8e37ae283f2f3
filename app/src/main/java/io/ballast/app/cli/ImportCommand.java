package io.ballast.app.cli;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.keepalived.ImportOptions;
import io.ballast.model.keepalived.ImportReport;
import io.ballast.model.keepalived.IpvsadmSaveImport;
import io.ballast.model.keepalived.IpvsadmSaveImporter;
import io.ballast.model.keepalived.KeepalivedImport;
import io.ballast.model.keepalived.KeepalivedImporter;
import io.ballast.model.keepalived.KeepalivedSyntaxException;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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
        Imported imported;
        try {
            imported = read(file.toString().replace('\\', '/'), text, name, configId);
        } catch (ImportFailedException e) {
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

    /** A whole import: the spec, the lines not taken over, and notes about what the spec still lacks. */
    record Imported(ClusterSpec spec, ImportReport report, List<String> notes) {
    }

    /** Reads {@code text} (named {@code fileName}); all or nothing. The desktop's import menu uses it too. */
    static Imported read(String fileName, String text, String clusterName, String configId) throws ImportFailedException {
        if (Formats.isIpvsadmSave(text)) {
            IpvsadmSaveImport save = IpvsadmSaveImporter.importSave(fileName, text);
            String cluster = clusterName != null ? clusterName : baseName(fileName);
            ClusterSpec spec = new ClusterSpec(ClusterSpec.SCHEMA_VERSION, cluster, ClusterForm.SINGLE, 1, List.of(),
                    save.services(), null);
            return new Imported(spec, save.report(), List.of("a kernel table names no director and no health checks;"
                    + " add the director (and checks) before applying this spec"));
        }
        try {
            KeepalivedImport conf = KeepalivedImporter.importConfig(fileName, text, new FileIncludeResolver(),
                    new ImportOptions(clusterName, configId));
            List<String> notes = Validator.validate(conf.spec()).stream().map(Problem::toString)
                    .map(p -> "the imported spec does not validate yet: " + p).toList();
            return new Imported(conf.spec(), conf.report(), notes);
        } catch (KeepalivedSyntaxException e) {
            throw new ImportFailedException(e.getMessage());
        } catch (RuntimeException e) {
            // An include that cannot be read: the resolver's sentence names the file.
            throw new ImportFailedException(fileName + ": " + e.getMessage());
        }
    }

    private static String baseName(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** The file is not one Ballast can import; the message names the file and line. */
    static final class ImportFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        ImportFailedException(String message) {
            super(message);
        }
    }
}
