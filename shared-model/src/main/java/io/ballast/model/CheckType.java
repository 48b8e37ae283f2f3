package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of health check. SNMP and WinRM probes for Windows servers plug in beside these later. */
public enum CheckType {
    TCP("tcp"), HTTP("http"), HTTPS("https"), SCRIPT("script");

    private final String wireName;

    CheckType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
