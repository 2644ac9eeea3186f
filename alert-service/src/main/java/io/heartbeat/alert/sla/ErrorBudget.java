package io.heartbeat.alert.sla;

import java.time.YearMonth;

/** The month's allowance of downtime by the SLA target, what was used so far and what is left (may be negative). */
public record ErrorBudget(YearMonth month, double allowedMinutes, double usedMinutes, double remainingMinutes,
    double remainingPercent) {
}
