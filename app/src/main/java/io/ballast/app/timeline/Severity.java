package io.ballast.app.timeline;

/** How loudly an entry is shown; CRITICAL also raises a desktop notification. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
