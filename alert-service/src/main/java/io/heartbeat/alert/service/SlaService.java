package io.heartbeat.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.config.AlertConfig;
import io.heartbeat.alert.repository.DowntimeRepository;
import io.heartbeat.alert.repository.MetricRepository;
import io.heartbeat.alert.sla.Downtime;
import io.heartbeat.alert.sla.SlaLedger;
import io.heartbeat.alert.sla.SlaReport;
import io.smallrye.mutiny.Uni;

/** Availability, incidents and error budget of an SLA from the downtime ledger. */
@ApplicationScoped
public class SlaService {

  private final DowntimeRepository downtime;
  private final MetricRepository metrics;
  private final AlertConfig config;
  private final Clock clock;

  public SlaService(DowntimeRepository downtime, MetricRepository metrics, AlertConfig config, Clock clock) {
    this.downtime = downtime;
    this.metrics = metrics;
    this.config = config;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The first instant of the current month (UTC), the default start of a report. */
  public Instant monthStart() {
    return YearMonth.from(now().atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Known: it has a configured target, a metric in force belongs to it, or it has downtime on record. */
  public Uni<Boolean> known(String sla) {
    if (config.sla().targets().containsKey(sla)) {
      return Uni.createFrom().item(true);
    }
    return metrics.hasSla(sla).chain(member -> member ? Uni.createFrom().item(true) : downtime.known(sla));
  }

  /** The report for [from, to); one read of the ledger covers both the period and its month's budget. */
  public Uni<SlaReport> report(String sla, Instant from, Instant to) {
    Instant monthStart = SlaLedger.monthStart(to);
    Instant readFrom = from.isBefore(monthStart) ? from : monthStart;
    double target = config.sla().targets().getOrDefault(sla, config.sla().defaultTarget());
    return Uni.combine().all().unis(downtime.overlapping(sla, readFrom, to, Downtime.Kind.DOWN),
            downtime.overlapping(sla, from, to, Downtime.Kind.UNMEASURED))
        .with((down, unmeasured) -> SlaLedger.report(sla, target, from, to, down, unmeasured));
  }
}
