package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a real server that fails its health check. */
public enum FailAction {
    /** Weight 0: established connections finish, no new ones (IPVS "quiescent"). */
    QUIESCE("quiesce"),
    /** Removed from the table until it recovers. */
    REMOVE("remove");

    private final String wireName;

    FailAction(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
