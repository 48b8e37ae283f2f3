package io.ballast.model;

/** Operating system of a real server; decides which probes can watch it. */
public enum OsType {
    LINUX, WINDOWS
}
