package io.ballast.app.editing.transfer;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.keepalived.ImportOptions;
import io.ballast.model.keepalived.ImportReport;
import io.ballast.model.keepalived.IpvsadmSaveImport;
import io.ballast.model.keepalived.IpvsadmSaveImporter;
import io.ballast.model.keepalived.KeepalivedImport;
import io.ballast.model.keepalived.KeepalivedImporter;
import io.ballast.model.keepalived.KeepalivedSyntaxException;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.util.List;

/**
 * Reads a keepalived.conf (includes from the file system) or ipvsadm-save output, told apart by
 * content, into a cluster spec: all or nothing. {@code ballast import} and the desktop's Import menu use it.
 */
public final class ClusterImport {

    private ClusterImport() {
    }

    /** A whole import: the spec, the lines not taken over, and notes about what the spec still lacks. */
    public record Imported(ClusterSpec spec, ImportReport report, List<String> notes) {
    }

    /** Reads {@code text} (named {@code fileName}); all or nothing. The desktop's import menu uses it too. */
    public static Imported read(String fileName, String text, String clusterName, String configId) throws ImportFailedException {
        if (ImportFormats.isIpvsadmSave(text)) {
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
    public static final class ImportFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        public ImportFailedException(String message) {
            super(message);
        }
    }
}
