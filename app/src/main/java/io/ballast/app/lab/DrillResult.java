package io.ballast.app.lab;

/**
 * What a failover drill measured.
 *
 * @param killed          the director that was killed (SIGKILL)
 * @param newMaster       the director that took over, or null if none did (SINGLE, or a failure)
 * @param takeoverMs      from the kill until the new master said MASTER through its API; -1 if none
 * @param clientOutageMs  longest time the traffic generator went without a successful answer
 * @param recovered       whether traffic was answered again after the kill
 * @param failbackFailed  requests that failed while the restored director took the VIPs back
 */
public record DrillResult(String killed, String newMaster, long takeoverMs, long clientOutageMs,
                          boolean recovered, int failbackFailed) {

    /** The report the headless lab prints. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (newMaster != null) {
            text.append("takeover: ").append(newMaster).append(" became MASTER ").append(takeoverMs)
                    .append(" ms after ").append(killed).append(" was killed (SIGKILL)\n");
        } else {
            text.append("no takeover: ").append(killed)
                    .append(" was the only director (single point of failure); it was restarted\n");
        }
        text.append("clients: longest time without an answer ").append(clientOutageMs).append(" ms\n");
        if (failbackFailed >= 0) {
            text.append("fail-back: ").append(failbackFailed).append(" failed requests\n");
        }
        text.append(recovered ? "traffic recovered" : "traffic did NOT recover");
        return text.toString();
    }
}
