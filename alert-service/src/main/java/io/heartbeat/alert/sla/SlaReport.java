package io.heartbeat.alert.sla;

import java.time.Instant;
import java.util.List;

/**
 * Availability of one SLA over [from, to), its incidents, and this month's error budget against its target.
 * Unmeasured time (a member's value could not be computed, and no member was down then) is reported beside the
 * downtime and left out of the availability: it is neither available nor down, it is unknown.
 */
public record SlaReport(String sla, Instant from, Instant to, double targetPercent, double availabilityPercent,
    double downtimeMinutes, double unmeasuredMinutes, List<Incident> incidents, List<Incident> unmeasured,
    ErrorBudget errorBudget) {
}
