/**
 * The anomaly band: for every window of a series, the range its value is expected in, learned from the series
 * itself, and the breach rule that turns band breaches into an anomaly. Pure Java, no framework: the live judgement,
 * the NAB and demo benchmarks (alert-service/bench) and any preview run the same code.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * AnomalyBand band = AnomalyBand.start(BandSettings.of(periodSeconds, sensitivity, minHistoryWindows));
 * BreachTracker rule = new BreachTracker(triggerWindows, recoveryWindows, BadSide.LOW); // higher_is_better
 * Breach breach = Breach.CLEAR;
 * // per observation, in window order:
 * BandStep step = band.observe(windowStart, value);           // the band as it stood, then learns the value
 * breach = rule.step(breach, step.position().orElse(null));   // null while warming up: status unknown
 * if (breach.fired()) { ... }                                  // anomalous from here until breach.resolved()
 * byte[] saved = band.snapshot().toBytes();                   // ~5 KB; AnomalyBand.restore(BandState.fromBytes(saved))
 * }</pre>
 *
 * <h2>The band</h2>
 * Four seasonal models ({@link io.heartbeat.alert.band.Model}) are fitted side by side, each on its own:
 * a running level; a mean per hour of the day; a mean per fine slot of the day (5 minutes, or the period when
 * longer); a mean per hour of the week plus the within-hour shape of the daily profile. The band uses, for each
 * window, the model with the lowest recent one-step error whose slot has been seen for a whole cycle, so daily or
 * weekly seasonality is used exactly when it predicts better ("enabled when it fits", decided by the data).
 * Each model holds:
 * <ul>
 *   <li>a profile of absolute values per slot, learned by an exponentially weighted mean whose steps are clipped
 *       at 2 sigma (a Huber-style update); a slot remembers about 4 days (daily models) or 3 weeks (weekly) whether
 *       it is visited once or sixty times per cycle;</li>
 *   <li>an offset that follows a busier or quieter stretch with a time constant of an hour: expected = profile +
 *       offset;</li>
 *   <li>its one-step error as a standard deviation (sqrt(pi/2) x mean absolute residual, capped at the learn limit
 *       so a poor model still looks poor), and its tails above and below, as multiples of its sigma (a streaming
 *       99.9th percentile of each side, widening a side only by what it exceeds 1.5 sigma; the first four windows
 *       of a far run count, the rest of a run does not): a skewed series, bursts up or a ratio that is mostly 0,
 *       gets a wider band on its long side only.</li>
 * </ul>
 * sigma = model error x the noise factor of this hour of the week (or day), learned from the residuals (a Poisson
 * count is noisier at its peak), never below 2 % of the values' own spread. The band is expected -/+ sensitivity x
 * sigma (each side with its tail); its edges are inside the band.
 *
 * <h2>Robustness to incidents</h2>
 * A value is held out (not learned by profile or offset) when it lies beyond 4 sigma, or when it is the fifth or
 * later window in a row beyond 2 sigma on one side: an incident in progress is not the norm, however mild. So an
 * outage in the history does not drag the band down (demo benchmark: a three-hour outage moves the band a week
 * later at the same hour by less than 2 %).
 *
 * <h2>Adapting to what persists</h2>
 * <ul>
 *   <li>A level shift: held-out values on one side for about six hours (BandSettings.shiftWindows) re-anchor the
 *       offset at the median of the run's last residuals; the profiles then catch up slowly and the offset
 *       fades.</li>
 *   <li>A pattern that changed at one time of day (spikes every hour that stopped): a slot whose visits are
 *       held out as isolated values on a whole cycle and the next visit moves to the new value. Only isolated
 *       held-out values count, so a global shift cannot carry the offset's error into single slots.</li>
 * </ul>
 *
 * <h2>Warm-up</h2>
 * The band judges nothing (expect is empty, observe returns no band, the status stays unknown) until
 * minHistoryWindows were learned (default one day of windows whatever the period, DetectorSettings.minHistoryFor), a model has ten one-step residuals, and the model's slot was visited for a whole
 * cycle; a slot's first cycle is a plain running mean, so one odd first value cannot become the norm. With weekly
 * seasonality and waitForWeek (the default for series with a direction), a window is judged only once its hour of
 * the week was seen in an earlier week: a new metric's first weekend cannot page. A series without a direction
 * (BOTH) is judged by the daily models from its first day.
 *
 * <h2>The breach rule</h2>
 * {@link io.heartbeat.alert.band.BreachTracker}: only the bad side counts (LOW for higher_is_better, HIGH for
 * lower_is_better, BOTH for benchmarks); the anomaly fires once the bad side held for the trigger window and
 * resolves once the value stayed inside (or on the harmless side) for the recovery window.
 * {@link io.heartbeat.alert.band.Detector} adds, from {@link io.heartbeat.alert.band.DetectorSettings}: the practical
 * floor (a breach must also be 10 % off expected); the zero rule (a value of about 0 where ZERO_FLOOR or more was
 * expected, or where a run of such windows summed ZERO_RUN_FLOOR, is below the band even when the band's lower
 * edge is below 0); the sustained rule for series with a direction (the last 3 or 4 windows as a whole, their
 * summed deviations beyond SUSTAINED_SIGMAS times the learned spread of such sums); for series under an hour
 * without a direction, a second band on hourly means and the episode gate (EpisodeRates); and the drift report
 * (a shift the band followed through its offset on the harmless side is reported once in Detection.adoptedShift).
 *
 * <h2>Cost</h2>
 * O(1) per observation (four models, no history scan); about 5 KB of band state per series whatever the period (the Detector's save adds
 * about 130 bytes, and a second band for BOTH series under an hour) (at most
 * 288 + 168 + 24 + 1 slots of a float, a short and a byte, plus 168 noise factors and a 32-value ring per model).
 */
package io.heartbeat.alert.band;
