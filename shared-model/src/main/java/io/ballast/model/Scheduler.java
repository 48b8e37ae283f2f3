package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Every IPVS scheduler, named as ipvsadm names it. */
public enum Scheduler {
    RR("rr", "round robin"),
    WRR("wrr", "weighted round robin"),
    LC("lc", "least connection"),
    WLC("wlc", "weighted least connection"),
    LBLC("lblc", "locality-based least connection"),
    LBLCR("lblcr", "locality-based least connection with replication"),
    DH("dh", "destination hashing"),
    SH("sh", "source hashing"),
    SED("sed", "shortest expected delay"),
    NQ("nq", "never queue"),
    MH("mh", "maglev hashing"),
    FO("fo", "weighted failover"),
    OVF("ovf", "weighted overflow"),
    TWOS("twos", "weighted random twos choice");

    private final String wireName;
    private final String description;

    Scheduler(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** Schedulers whose choice depends on live connection counts, which only a stateful plane knows. */
    public boolean needsConnectionCounts() {
        return switch (this) {
            case LC, WLC, LBLC, LBLCR, SED, NQ, FO, OVF -> true;
            default -> false;
        };
    }

    public static Scheduler fromWireName(String name) {
        for (Scheduler s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scheduler '" + name + "'");
    }
}
