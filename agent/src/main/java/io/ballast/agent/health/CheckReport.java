package io.ballast.agent.health;

/**
 * One finished check as the monitor judged it, for observers (metrics, event journal, tests).
 *
 * @param service    service key text
 * @param realServer real server key text
 * @param healthy    this check's own result
 * @param detail     this check's detail sentence
 * @param up         the verdict after rise/fall counting
 * @param changed    true when this check flipped the verdict
 * @param atMillis   wall-clock time the check finished
 */
public record CheckReport(String service, String realServer, boolean healthy, String detail, boolean up,
        boolean changed, long atMillis) {
}
