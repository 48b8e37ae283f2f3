package io.ballast.agent.state;

/** Names one stats series: a service ({@code realServer} null) or one real server of it. */
public record SeriesKey(String service, String realServer) {

    public boolean isService() {
        return realServer == null;
    }
}
