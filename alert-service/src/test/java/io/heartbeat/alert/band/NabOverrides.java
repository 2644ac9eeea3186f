package io.heartbeat.alert.band;

/**
 * Reads -Dnab.key=value overrides of the detector's constants, for ablations that show what each one is worth;
 * a published score uses none (one configuration for every file, and every file gets the same one).
 */
final class NabOverrides {

  private NabOverrides() {
  }

  static NabDetector apply(NabDetector d) {
    Tuning t = d.tuning();
    Tuning tuning = new Tuning(get("offsetHours", t.offsetHours()), get("dayMemory", t.dayMemory()),
        get("weekMemory", t.weekMemory()), get("learnLimit", t.learnLimit()), get("clip", t.clip()),
        get("scalePrior", t.scalePrior()), get("scaleFloor", t.scaleFloor()));
    return new NabDetector(get("sensitivity", d.sensitivity()), get("triggerMinutes", d.triggerMinutes()),
        (int) get("recovery", d.recoveryWindows()), get("minHistoryDays", d.minHistoryDays()),
        get("weeklyFromWeeks", d.weeklyFromWeeks()),
        Boolean.parseBoolean(System.getProperty("nab.waitForWeek", Boolean.toString(d.waitForWeek()))),
        get("aggregateMinutes", d.aggregateMinutes()), tuning);
  }

  static boolean any() {
    return System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("nab."));
  }

  private static double get(String key, double fallback) {
    String value = System.getProperty("nab." + key);
    return value == null ? fallback : Double.parseDouble(value);
  }
}
