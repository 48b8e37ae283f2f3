package io.ballast.app.main;

/** Style classes of the main window (see app.css). */
public final class AppStyles {

    public static final String STYLESHEET = "/io/ballast/app/app.css";
    public static final String TOPOLOGY_STYLESHEET = "/io/ballast/app/topology/topology.css";
    public static final String TIMELINE_STYLESHEET = "/io/ballast/app/timeline/timeline.css";

    public static final String MAIN = "ballast-main";
    public static final String APP_TITLE = "app-title";
    public static final String SPLIT_BRAIN_BANNER = "split-brain-banner";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_CHIP = "status-chip";
    public static final String STATUS_DOT = "status-dot";
    public static final String STATUS_TEXT = "status-text";
    public static final String STATUS_LIVE = "status-live";
    public static final String STATUS_STANDBY = "status-standby";
    public static final String STATUS_DOWN = "status-down";
    public static final String STATUS_WAITING = "status-waiting";
    public static final String STATUS_MISMATCH = "status-mismatch";
    public static final String STATUS_SPOF = "status-spof";

    private AppStyles() {
    }
}
