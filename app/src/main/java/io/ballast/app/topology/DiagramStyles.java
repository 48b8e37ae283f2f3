package io.ballast.app.topology;

import io.ballast.model.api.Role;
import java.util.Locale;

/** Style classes of the diagram (see topology.css); views use these, never string literals. */
public final class DiagramStyles {

    public static final String DIAGRAM = "cluster-diagram";
    public static final String CARD = "diagram-card";
    public static final String CARD_TITLE = "card-title";
    public static final String CARD_SUBTITLE = "card-subtitle";
    public static final String CARD_FIGURES = "card-figures";
    public static final String CARD_ICON = "card-icon";
    public static final String CLIENTS = "clients-card";
    public static final String VIP = "vip-card";
    public static final String DIRECTOR = "director-card";
    public static final String REAL_SERVER = "real-server-card";
    public static final String GROUP = "service-group";
    public static final String GROUP_TITLE = "service-group-title";
    public static final String SELECTED = "selected";
    public static final String HEALTH_STRIP = "health-strip";
    public static final String BADGE = "role-badge";
    public static final String MISMATCH = "spec-mismatch";
    public static final String EDGE = "diagram-edge";
    public static final String EDGE_ACTIVE = "edge-active";
    public static final String EDGE_STANDBY = "edge-standby";
    public static final String EDGE_DOWN = "edge-down";
    public static final String SPOF = "single-point-of-failure";

    private DiagramStyles() {
    }

    /** health-up, health-down, health-draining, health-maintenance, health-unknown. */
    public static String health(Health health) {
        return "health-" + health.name().toLowerCase(Locale.ROOT);
    }

    /** badge-master, badge-backup, badge-fault, badge-init, or badge-offline when the director is not live. */
    public static String badge(Role liveRole) {
        return liveRole == null ? "badge-offline" : "badge-" + liveRole.name().toLowerCase(Locale.ROOT);
    }

    public static final String[] ALL_HEALTH = {
        health(Health.UP), health(Health.DOWN), health(Health.DRAINING), health(Health.MAINTENANCE), health(Health.UNKNOWN)
    };

    public static final String[] ALL_BADGES = {
        "badge-master", "badge-backup", "badge-fault", "badge-init", "badge-offline"
    };
}
