package io.ballast.model.keepalived;

/**
 * One line of a keepalived.conf (or ipvsadm-save output) that Ballast could not take over as
 * written.
 *
 * @param file    the document's name
 * @param line    1-based line number
 * @param keyword the keyword of that line ("SMTP_CHECK", "quorum_up", "-A"…)
 * @param kind    why it is listed
 * @param reason  a sentence for the operator: what happened to it and what to do
 */
public record ImportIssue(String file, int line, String keyword, Kind kind, String reason) {

    public enum Kind {
        /** A keepalived feature Ballast does not offer (a checker kind, parameter substitution): the line was dropped. */
        UNSUPPORTED,
        /** No Ballast counterpart (mail alerts, SNMP names…): the line was dropped; traffic handling is unchanged. */
        NOT_MAPPED,
        /** Taken over, but not exactly (a checker merged with its siblings', a digest ignored): read the reason. */
        APPROXIMATED,
        /** The value is not one keepalived accepts either: the line was dropped. */
        INVALID
    }

    /** "keepalived.conf line 42: SMTP_CHECK: …" */
    @Override
    public String toString() {
        return file + " line " + line + ": " + keyword + ": " + reason;
    }
}
