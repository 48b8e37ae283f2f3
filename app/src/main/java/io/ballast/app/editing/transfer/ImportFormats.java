package io.ballast.app.editing.transfer;

/** Tells the import formats apart by content, not by file name. */
public final class ImportFormats {

    private ImportFormats() {
    }

    /**
     * True for {@code ipvsadm-save} output: every line that is not blank or a comment is an ipvsadm
     * rule ({@code -A}, {@code -a}, or their long forms). A keepalived.conf has none of those.
     */
    public static boolean isIpvsadmSave(String text) {
        boolean any = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!(line.startsWith("-A ") || line.startsWith("-a ") || line.startsWith("--add-service ")
                    || line.startsWith("--add-server "))) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
