package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** IPVS scheduler flags (ipvsadm -b). Each applies to the hashing schedulers named in its wire name. */
public enum SchedulerFlag {
    /** sh: pick another server when the hashed one is unavailable. */
    SH_FALLBACK("sh-fallback"),
    /** sh: hash the source port as well as the address. */
    SH_PORT("sh-port"),
    /** mh: pick another server when the hashed one is unavailable. */
    MH_FALLBACK("mh-fallback"),
    /** mh: hash the source port as well as the address. */
    MH_PORT("mh-port");

    private final String wireName;

    SchedulerFlag(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The scheduler this flag belongs to. */
    public Scheduler scheduler() {
        return wireName.startsWith("sh") ? Scheduler.SH : Scheduler.MH;
    }
}
