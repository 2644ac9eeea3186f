package io.heartbeat.alert.sla;

import java.time.Instant;
import java.util.List;

/** Availability of one SLA over [from, to), its incidents, and this month's error budget against its target. */
public record SlaReport(String sla, Instant from, Instant to, double targetPercent, double availabilityPercent,
    double downtimeMinutes, List<Incident> incidents, ErrorBudget errorBudget) {
}
