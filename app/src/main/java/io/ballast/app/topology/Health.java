package io.ballast.app.topology;

/** What the diagram says about a real server; only a live director's verdict can make it UP. */
public enum Health {
    UP("healthy"),
    DOWN("failed"),
    DRAINING("draining"),
    MAINTENANCE("in maintenance"),
    UNKNOWN("unknown");

    private final String text;

    Health(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
