package io.heartbeat.alert.model;

import java.time.Instant;

import io.heartbeat.alert.judge.BandRange;
import io.heartbeat.alert.judge.Typical;

/** What an alert step rests on: the evaluation of the window that caused it, with value, band and thresholds. */
public record Evidence(String evaluationId, Instant windowStart, Instant windowEnd, Double value, String status,
    String rule, BandRange band, Thresholds thresholds, Typical typical) {

  public static Evidence of(EvaluationEvent evaluation) {
    return new Evidence(evaluation.id(), evaluation.windowStart(), evaluation.windowEnd(), evaluation.value(),
        evaluation.status(), evaluation.rule(), evaluation.band(), evaluation.thresholds(), evaluation.typical());
  }
}
