package io.heartbeat.alert.band;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The anomaly detector of one series, built from {@link DetectorSettings}: the band, the breach rule and the
 * practical floor. It is the one detector the service runs and the NAB benchmark scores. A breach counts only on
 * the bad side and only beyond the floor; while an anomaly of a series with a direction is open, its windows are
 * judged but never learned, so an outage stays an outage however long it lasts. A series without a direction
 * (BOTH) has no harmless side to tell a new level from an outage by, so its band adopts a lasting shift on either
 * side (after BandSettings.shiftWindows).
 *
 * <p>Two more parts, both O(1) per window:
 * <ul>
 *   <li>For periods under an hour, a second band of the same class on the series' hourly means, with its own rule
 *       (HOUR_TRIGGER of HOUR_WITHIN hours, recovery HOUR_RECOVERY hours) and the same floor and bad side: a shift
 *       too small for any single window (inside its noise) shows in an hour's mean. The series is anomalous while
 *       either rule is; one episode fires and resolves once.</li>
 *   <li>A series without a direction pages an episode only when episodes at least as strong (the weakest of the
 *       windows that made the breach, in sigmas) were rare for it so far ({@link EpisodeRates}): recurring spikes
 *       are its normal. A series with a direction pages every episode on its bad side: a repeated outage is an
 *       outage each time.</li>
 * </ul>
 * Not thread-safe: one series, one writer.
 */
public final class Detector {

  /** The block of the second band. */
  static final long HOUR = 3600;
  static final int HOUR_TRIGGER = 1;
  static final int HOUR_WITHIN = 1;
  static final int HOUR_RECOVERY = 2;
  /** The zero rule's memory of how common near-zero windows were. */
  static final double ZERO_MEMORY_SECONDS = 7 * 86_400.0;
  /** The sum spread's memory, prior weight in windows, clip (in spreads) and least share of sqrt(k). */
  static final double SPREAD_MEMORY_SECONDS = 3 * 86_400.0;
  static final double SPREAD_PRIOR = 100;
  static final double SPREAD_CLIP = 3;
  static final double SPREAD_LEAST = 1;
  /** The first int of {@link #save()}'s form; a plain band state (the earlier form) starts with its version. */
  static final int MAGIC = 0x48424454;
  /** Marks the fields saved after the episode rates (zero rule, sustained rule, drift); older saves end before. */
  static final int EXTRA = 0x5a45524f;

  private final DetectorSettings settings;
  private final AnomalyBand band;
  private final BreachTracker tracker;
  /** The band on hourly means (null for periods of an hour or more). */
  private final AnomalyBand hourly;
  private final BreachTracker hourTracker;
  /** The series' breach: anomalous while the window rule or the hourly rule is (and not quiet). */
  private Breach breach;
  private Breach minute;
  private Breach hour = Breach.CLEAR;
  private long block = Long.MIN_VALUE;
  private double blockSum;
  private int blockCount;
  /** |deviation| of the last triggerWithin judged windows, to measure an episode's strength when it fires. */
  private final float[] recent;
  private int judged;
  private final EpisodeRates minuteRates = new EpisodeRates();
  private final EpisodeRates hourRates = new EpisodeRates();
  /** The window rule's (hourly rule's) open episode was common for this series: not anomalous, not paged. */
  private boolean minuteQuiet;
  private boolean hourQuiet;
  /** The hourly band's step on the block that closed with the last window (null when none closed). */
  private BandStep lastHour;
  private boolean lastHourFired;
  private double lastStrength;
  /** Signed deviation, value - expected and expected of the last triggerWithin judged windows (same ring). */
  private final float[] signed;
  private final float[] residuals;
  private final float[] expecteds;
  /** The current run of near-zero windows: its length, summed expected, windows at ZERO_FLOOR or more, incident. */
  private int zeroRun;
  private double zeroRunExpected;
  private int zeroRunCounted;
  private boolean zeroRunIncident;
  /** Decayed (a week) judged windows at ZERO_FLOOR or more expected, and near-zero ones among them that were normal. */
  private double zeroSeen;
  private double zeroNormal;
  /**
   * Learned windows in a row whose band offset lies beyond the floor on one harmless side (sign; negative: windows
   * in a row inside the floor), and whether that shift was reported.
   */
  private int driftRun;
  private int driftSign;
  private boolean driftReported;
  /**
   * The learned spread of the sum of the last k clipped deviations (k = trigger, trigger + 1) on windows without an
   * episode (sqrt(pi/2) x mean |sum|, starting at sqrt(k)): neighbouring windows share the model's error, so the sum
   * of k spreads by more than sqrt(k) where the band's errors are correlated; the sustained rule scales by it.
   */
  private final double[] sumSpread;
  private long sumSamples;

  private Detector(DetectorSettings settings, AnomalyBand band, AnomalyBand hourly, Breach breach) {
    this.settings = settings;
    this.band = band;
    this.tracker = settings.tracker();
    this.breach = breach == null ? Breach.CLEAR : breach;
    this.minute = this.breach;
    this.hourly = hourly;
    this.hourTracker = new BreachTracker(HOUR_TRIGGER, HOUR_WITHIN, HOUR_RECOVERY, settings.badSide());
    this.recent = new float[tracker.triggerWithinWindows()];
    this.signed = new float[recent.length];
    this.residuals = new float[recent.length];
    this.expecteds = new float[recent.length];
    this.sumSpread = new double[] {Math.sqrt(tracker.triggerWindows()), Math.sqrt(tracker.triggerWindows() + 1)};
    band.neverAdopt = settings.badSide() == BadSide.BOTH ? null : settings.badSide();
    if (hourly != null) {
      hourly.neverAdopt = band.neverAdopt;
    }
  }

  public static Detector start(DetectorSettings settings) {
    return start(settings, Tuning.DEFAULT);
  }

  /** Package-private for benchmarks that ablate the band's tuning constants. */
  static Detector start(DetectorSettings settings, Tuning tuning) {
    return new Detector(settings, new AnomalyBand(settings.band(), tuning),
        settings.hourly() ? new AnomalyBand(settings.hourBand(), tuning) : null, Breach.CLEAR);
  }

  /**
   * The detector as saved (bytes of {@link #save()}, or of a band snapshot as earlier versions saved, and the
   * breach), under the settings now in force: what was learned carries over where it still fits. Unreadable bytes
   * throw IllegalArgumentException.
   */
  public static Detector restore(DetectorSettings settings, byte[] bandState, Breach breach) {
    if (bandState.length < 4 || readInt(bandState) != MAGIC) {
      return new Detector(settings, AnomalyBand.restore(BandState.fromBytes(bandState), settings.band()),
          settings.hourly() ? AnomalyBand.start(settings.hourBand()) : null, breach);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bandState))) {
      in.readInt();
      AnomalyBand band = AnomalyBand.restore(BandState.fromBytes(bytes(in)), settings.band());
      boolean hadHourly = in.readBoolean();
      byte[] hourBytes = hadHourly ? bytes(in) : null;
      AnomalyBand hourly = !settings.hourly() ? null : hourBytes == null ? AnomalyBand.start(settings.hourBand())
          : AnomalyBand.restore(BandState.fromBytes(hourBytes), settings.hourBand());
      Detector d = new Detector(settings, band, hourly, breach);
      d.minute = breach(in);
      d.hour = breach(in);
      d.block = in.readLong();
      d.blockSum = in.readDouble();
      d.blockCount = in.readInt();
      d.minuteQuiet = in.readBoolean();
      d.hourQuiet = in.readBoolean();
      d.judged = in.readInt();
      int n = in.readInt();
      float[] saved = new float[n];
      for (int i = 0; i < n; i++) {
        saved[i] = in.readFloat();
      }
      // The ring is kept when the trigger window did not change; otherwise it refills within n windows.
      if (n == d.recent.length) {
        System.arraycopy(saved, 0, d.recent, 0, n);
      } else {
        d.judged = 0;
      }
      rates(in, d.minuteRates);
      rates(in, d.hourRates);
      if (in.available() > 0 && in.readInt() == EXTRA) {
        float[][] rings = {new float[n], new float[n], new float[n]};
        for (float[] ring : rings) {
          for (int i = 0; i < n; i++) {
            ring[i] = in.readFloat();
          }
        }
        if (n == d.recent.length) {
          System.arraycopy(rings[0], 0, d.signed, 0, n);
          System.arraycopy(rings[1], 0, d.residuals, 0, n);
          System.arraycopy(rings[2], 0, d.expecteds, 0, n);
        }
        d.zeroRun = in.readInt();
        d.zeroRunExpected = in.readDouble();
        d.zeroRunCounted = in.readInt();
        d.zeroRunIncident = in.readBoolean();
        d.zeroSeen = in.readDouble();
        d.zeroNormal = in.readDouble();
        d.driftRun = in.readInt();
        d.driftSign = in.readInt();
        d.driftReported = in.readBoolean();
        double[] spreads = {in.readDouble(), in.readDouble()};
        long samples = in.readLong();
        if (n == d.recent.length) {
          System.arraycopy(spreads, 0, d.sumSpread, 0, 2);
          d.sumSamples = samples;
        }
      }
      if (d.hourly == null || !hadHourly) {
        d.hour = Breach.CLEAR;
        d.hourQuiet = false;
        d.blockCount = 0;
        d.blockSum = 0;
      }
      if (d.tracker.triggerWithinWindows() != d.recent.length || n != d.recent.length) {
        d.minute = new Breach(d.minute.phase(), d.minute.badRun(), d.minute.goodRun(), false, false, 0);
      }
      return d;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable detector state: " + e.getMessage(), e);
    }
  }

  public DetectorSettings settings() {
    return settings;
  }

  /**
   * Everything learned, for {@link #restore}: both bands' snapshots, the two rules' breaches, the open hour's sum,
   * the episode rates (about 8 KB for a 1m series, 5 KB for hourly and longer periods).
   */
  public byte[] save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      bytes(out, band.snapshot().toBytes());
      out.writeBoolean(hourly != null);
      if (hourly != null) {
        bytes(out, hourly.snapshot().toBytes());
      }
      breach(out, minute);
      breach(out, hour);
      out.writeLong(block);
      out.writeDouble(blockSum);
      out.writeInt(blockCount);
      out.writeBoolean(minuteQuiet);
      out.writeBoolean(hourQuiet);
      out.writeInt(judged);
      out.writeInt(recent.length);
      for (float r : recent) {
        out.writeFloat(r);
      }
      rates(out, minuteRates);
      rates(out, hourRates);
      out.writeInt(EXTRA);
      for (float[] ring : new float[][] {signed, residuals, expecteds}) {
        for (float r : ring) {
          out.writeFloat(r);
        }
      }
      out.writeInt(zeroRun);
      out.writeDouble(zeroRunExpected);
      out.writeInt(zeroRunCounted);
      out.writeBoolean(zeroRunIncident);
      out.writeDouble(zeroSeen);
      out.writeDouble(zeroNormal);
      out.writeInt(driftRun);
      out.writeInt(driftSign);
      out.writeBoolean(driftReported);
      out.writeDouble(sumSpread[0]);
      out.writeDouble(sumSpread[1]);
      out.writeLong(sumSamples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public Breach breach() {
    return breach;
  }

  public long learnedWindows() {
    return band.learnedWindows();
  }

  /**
   * Judges the value against the band as it stood and moves the breach on; learns the value unless hold is true
   * (the caller's episode is open) or this series' own anomaly is open on a side that has a direction.
   */
  public Detection observe(Instant windowStart, double value, boolean hold) {
    boolean learn = !hold && !(breach.anomalous() && settings.badSide() != BadSide.BOTH);
    BandStep step;
    if (learn && settings.badSide() == BadSide.LOW && (value <= 0 || value <= 2 * DetectorSettings.ZERO_SHARE
        * expecteds[Math.floorMod(judged - 1, expecteds.length)])) {
      // A near-zero window the zero rule may call an outage is judged first and not learned once the run expected
      // ZERO_FLOOR: at an hourly period the offset would otherwise follow the outage within a window or two.
      step = band.judge(windowStart, value);
      if (step.band() == null || !holdsZero(step)) {
        band.learn(windowStart, value);
      } else {
        learn = false;
      }
    } else {
      step = learn ? band.observe(windowStart, value) : band.judge(windowStart, value);
    }
    Position position = counted(step);
    lastStrength = 0;
    if (position != null) {
      position = zero(step, position, learn);
      int i = judged++ % recent.length;
      recent[i] = (float) Math.abs(step.deviation());
      signed[i] = (float) step.deviation();
      residuals[i] = (float) (step.value() - step.band().expected());
      expecteds[i] = (float) step.band().expected();
      int k = sustained(position);
      if (learn && !minute.anomalous()) {
        learnSpread();
      }
      if (k != 0) {
        position = k < 0 ? Position.BELOW : Position.ABOVE;
        if (!minute.anomalous()) {
          // The k windows as a whole are bad: the k - 1 before this one count as bad windows of the trigger.
          minute = new Breach(minute.phase(), minute.badRun(), minute.goodRun(), false, false,
              minute.recent() | ((1 << (Math.abs(k) - 1)) - 1));
        }
      }
    }
    minute = tracker.step(minute, position);
    if (position != null) {
      if (minute.anomalous() && zeroRun > 0) {
        zeroRunIncident = true;
      }
      if (gates()) {
        minuteRates.tick(settings.periodSeconds());
      }
      if (minute.fired()) {
        lastStrength = strength();
        minuteQuiet = gates() && minuteRates.record(lastStrength, settings.sensitivity());
      }
    }
    if (!minute.anomalous()) {
      minuteQuiet = false;
    }
    lastHour = null;
    lastHourFired = false;
    if (hourly != null && Double.isFinite(value)) {
      long epoch = windowStart.getEpochSecond();
      long current = Math.floorDiv(epoch, HOUR);
      if (blockCount > 0 && current != block) {
        closeHour(learn); // the block's last window never came: judge it now
      }
      block = current;
      blockSum += value;
      blockCount++;
      if (epoch + settings.periodSeconds() >= (current + 1) * HOUR) {
        closeHour(learn);
      }
    }
    breach = combine(breach, minuteQuiet ? Breach.CLEAR : minute, hourQuiet ? Breach.CLEAR : hour);
    double shift = learn ? band.adoptedShift() : 0;
    double drift = learn ? drift(step) : 0;
    if (shift != 0) {
      driftReported = true;
    }
    return detection(step, breach, shift != 0 ? shift : drift, learn);
  }

  /** Judges a value without changing anything: a late window or a replay. */
  public Detection peek(Instant windowStart, double value) {
    BandStep step = band.judge(windowStart, value);
    Position position = counted(step);
    if (position != null && zeroApplies(step.band().expected(), step.value(), zeroRunExpected)) {
      position = Position.BELOW;
    }
    Breach next = tracker.step(minute, position);
    return detection(step, combine(breach, minuteQuiet && next.anomalous() ? Breach.CLEAR : next,
        hourQuiet ? Breach.CLEAR : hour), 0, false);
  }

  /** The hourly band's step on the hour that closed with the last observed window, null when none closed. */
  BandStep lastHour() {
    return lastHour;
  }

  /** True when the last observed window closed an hour whose rule fired. */
  boolean lastHourFired() {
    return lastHourFired;
  }

  /** The strength (weakest |deviation| of the k that made it) of the window rule's breach that fired last window. */
  double lastStrength() {
    return lastStrength;
  }

  private boolean gates() {
    return settings.badSide() == BadSide.BOTH;
  }

  /** The k-th largest |deviation| among the last n judged windows: the weakest window that made the breach. */
  private double strength() {
    float[] sorted = recent.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, sorted.length - tracker.triggerWindows())];
  }

  /**
   * "Nothing where something was expected" (LOW and BOTH): a near-zero window counts as below the band once the band
   * expects ZERO_FLOOR or more, or once the run of near-zero windows summed ZERO_RUN_FLOOR expected; off for a series
   * whose near-zero windows at that level were not rare (they ended without an episode).
   */
  private Position zero(BandStep step, Position position, boolean learn) {
    if (settings.badSide() == BadSide.HIGH) {
      return position;
    }
    double expected = step.band().expected();
    boolean near = nearZero(expected, step.value());
    if (learn) {
      double keep = Math.exp(-settings.periodSeconds() / ZERO_MEMORY_SECONDS);
      zeroSeen *= keep;
      zeroNormal *= keep;
      if (expected >= DetectorSettings.ZERO_FLOOR) {
        zeroSeen++;
      }
    }
    if (!near) {
      if (zeroRun > 0 && !zeroRunIncident) {
        zeroNormal += zeroRunCounted;
      }
      zeroRun = 0;
      zeroRunExpected = 0;
      zeroRunCounted = 0;
      zeroRunIncident = false;
      return position;
    }
    zeroRun++;
    zeroRunExpected += expected;
    zeroRunCounted += expected >= DetectorSettings.ZERO_FLOOR ? 1 : 0;
    return zeroApplies(expected, step.value(), zeroRunExpected) ? Position.BELOW : position;
  }

  private boolean holdsZero(BandStep step) {
    double expected = step.band().expected();
    return nearZero(expected, step.value()) && zeroRunExpected + expected >= DetectorSettings.ZERO_FLOOR
        && zeroNormal <= DetectorSettings.ZERO_NORMAL_SHARE * zeroSeen + DetectorSettings.ZERO_NORMAL_SLACK;
  }

  private boolean zeroApplies(double expected, double value, double runExpected) {
    return settings.badSide() != BadSide.HIGH && nearZero(expected, value)
        && zeroNormal <= DetectorSettings.ZERO_NORMAL_SHARE * zeroSeen + DetectorSettings.ZERO_NORMAL_SLACK
        && (expected >= DetectorSettings.ZERO_FLOOR || runExpected >= DetectorSettings.ZERO_RUN_FLOOR);
  }

  private static boolean nearZero(double expected, double value) {
    return expected > 0 && value <= DetectorSettings.ZERO_SHARE * expected;
  }

  /**
   * The sustained rule: +-k when the last k judged windows (k = trigger, then trigger + 1) were all on one bad side
   * of expected, their clipped deviations sum beyond SUSTAINED_SIGMAS x sqrt(k) and their mean residual is beyond
   * the practical floor of their mean expected; 0 otherwise.
   */
  private void learnSpread() {
    int first = tracker.triggerWindows();
    if (judged < first + 1 || first + 1 > recent.length) {
      return;
    }
    sumSamples++;
    double rate = Math.max(1.0 / (sumSamples + SPREAD_PRIOR), settings.periodSeconds() / SPREAD_MEMORY_SECONDS);
    for (int m = 0; m < 2; m++) {
      int k = first + m;
      double sum = 0;
      for (int j = 1; j <= k; j++) {
        sum += clip(signed[Math.floorMod(judged - j, recent.length)]);
      }
      double prior = Math.sqrt(k);
      double size = Math.min(Math.abs(sum), SPREAD_CLIP * Math.max(sumSpread[m], prior));
      sumSpread[m] += rate * (AnomalyBand.NORMAL_CONSISTENCY * size - sumSpread[m]);
    }
  }

  private static double clip(double dev) {
    return Math.max(-DetectorSettings.SUSTAINED_CLIP, Math.min(DetectorSettings.SUSTAINED_CLIP, dev));
  }

  private int sustained(Position position) {
    int n = recent.length;
    if (settings.badSide() == BadSide.BOTH) {
      // Measured on NAB: +9 on realAdExchange, -8 on realTraffic, alert -0.4 overall; not for BOTH.
      return 0;
    }
    for (int k = tracker.triggerWindows(); k <= Math.min(tracker.triggerWindows() + 1, n); k++) {
      if (judged < k) {
        break;
      }
      double sum = 0;
      double residual = 0;
      double expected = 0;
      int below = 0;
      int above = 0;
      for (int j = 1; j <= k; j++) {
        int i = Math.floorMod(judged - j, n);
        double dev = signed[i];
        below += dev < 0 ? 1 : 0;
        above += dev > 0 ? 1 : 0;
        sum += clip(dev);
        residual += residuals[i];
        expected += expecteds[i];
      }
      int m = k - tracker.triggerWindows();
      double spread = Math.max(sumSpread[m], SPREAD_LEAST * Math.sqrt(k));
      double limit = DetectorSettings.SUSTAINED_SIGMAS * spread;
      double floor = settings.floor(expected / k);
      if (below == k && sum <= -limit && -residual / k >= floor && settings.badSide().isBad(Position.BELOW)) {
        return -k;
      }
      if (above == k && sum >= limit && residual / k >= floor && settings.badSide().isBad(Position.ABOVE)) {
        return k;
      }
    }
    return 0;
  }

  /**
   * The band follows a lasting shift on a harmless side through its offset, without a re-anchor: reported once (the
   * offset, in units) when the offset of the model that set the band stayed beyond the practical floor on one
   * harmless side for shiftWindows learned windows; re-armed once it is back inside the floor.
   */
  private double drift(BandStep step) {
    if (step.band() == null) {
      return 0;
    }
    double offset = band.offset;
    int sign = offset > 0 ? 1 : -1;
    boolean beyond = Math.abs(offset) > settings.floor(step.band().expected() - offset) && offset != 0
        && !settings.badSide().isBad(sign > 0 ? Position.ABOVE : Position.BELOW);
    int shiftWindows = band.settings().shiftWindows();
    if (!beyond) {
      // Re-armed only once the offset stayed inside the floor as long as a shift takes to report.
      driftRun = driftRun > 0 ? -1 : driftRun - 1;
      if (driftRun <= -shiftWindows) {
        driftReported = false;
      }
      return 0;
    }
    driftRun = sign == driftSign && driftRun > 0 ? driftRun + 1 : 1;
    driftSign = sign;
    if (driftRun >= shiftWindows && !driftReported) {
      driftReported = true;
      return offset;
    }
    return 0;
  }

  private void closeHour(boolean learn) {
    Instant at = Instant.ofEpochSecond(block * HOUR);
    double mean = blockSum / blockCount;
    blockSum = 0;
    blockCount = 0;
    BandStep step = learn ? hourly.observe(at, mean) : hourly.judge(at, mean);
    hour = hourTracker.step(hour, counted(step));
    if (step.band() != null) {
      lastHour = step;
      if (gates()) {
        hourRates.tick(HOUR);
      }
      if (hour.fired()) {
        lastHourFired = true;
        hourQuiet = gates() && hourRates.record(Math.abs(step.deviation()), settings.sensitivity());
      }
    }
    if (!hour.anomalous()) {
      hourQuiet = false;
    }
  }

  /** One breach for the series: anomalous while either rule is, firing and resolving once per episode. */
  static Breach combine(Breach before, Breach minute, Breach hour) {
    boolean now = minute.anomalous() || hour.anomalous();
    BreachPhase phase = minute.phase() == BreachPhase.FIRING || hour.phase() == BreachPhase.FIRING
        ? BreachPhase.FIRING : now ? BreachPhase.RECOVERING
        : minute.phase() == BreachPhase.PENDING || hour.phase() == BreachPhase.PENDING ? BreachPhase.PENDING
        : BreachPhase.CLEAR;
    return new Breach(phase, minute.badRun(), minute.goodRun(), now && !before.anomalous(),
        !now && before.anomalous(), minute.recent());
  }

  /** Where the value counts for the breach rule: a bad-side value inside the practical floor counts as inside. */
  private Position counted(BandStep step) {
    if (step.band() == null) {
      return null;
    }
    Position position = step.band().position(step.value());
    if (settings.badSide().isBad(position) && belowFloor(step)) {
      return Position.INSIDE;
    }
    return position;
  }

  private boolean belowFloor(BandStep step) {
    return Math.abs(step.value() - step.band().expected()) < settings.floor(step.band().expected());
  }

  private Detection detection(BandStep step, Breach after, double shift, boolean learned) {
    boolean belowFloor = step.band() != null && settings.badSide().isBad(step.band().position(step.value()))
        && belowFloor(step);
    double floor = step.band() == null ? 0 : settings.floor(step.band().expected());
    return new Detection(step.band(), step.deviation(), belowFloor, floor, after, shift, learned,
        band.learnedWindows(), settings.minHistoryWindows(), tracker);
  }

  private static int readInt(byte[] b) {
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("bad length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static Breach breach(DataInputStream in) throws IOException {
    return new Breach(BreachPhase.values()[in.readByte()], in.readInt(), in.readInt(), false, false, in.readInt());
  }

  private static void breach(DataOutputStream out, Breach b) throws IOException {
    out.writeByte(b.phase().ordinal());
    out.writeInt(b.badRun());
    out.writeInt(b.goodRun());
    out.writeInt(b.recent());
  }

  private static void rates(DataInputStream in, EpisodeRates rates) throws IOException {
    for (int i = 0; i < EpisodeRates.BINS; i++) {
      rates.counts[i] = in.readFloat();
    }
    rates.days = in.readDouble();
  }

  private static void rates(DataOutputStream out, EpisodeRates rates) throws IOException {
    for (float c : rates.counts) {
      out.writeFloat(c);
    }
    out.writeDouble(rates.days);
  }
}
