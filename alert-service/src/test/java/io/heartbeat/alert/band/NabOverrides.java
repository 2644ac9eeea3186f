package io.heartbeat.alert.band;

/**
 * Reads -Dnab.key=value overrides of the shipped settings and band constants, for ablations that show what each one
 * is worth; a published score uses none (the benchmark's header then says so).
 */
final class NabOverrides {

  private NabOverrides() {
  }

  static DetectorSettings apply(DetectorSettings d) {
    return new DetectorSettings(d.periodSeconds(), d.badSide(), get("sensitivity", d.sensitivity()),
        (int) get("minHistoryWindows", d.minHistoryWindows()), (int) get("trigger", d.triggerWindows()),
        (int) get("triggerWithin", d.triggerWithinWindows()), (int) get("recovery", d.recoveryWindows()),
        get("minChangePercent", d.minChangePercent()), get("minChangeAbsolute", d.minChangeAbsolute()));
  }

  static Tuning apply(Tuning t) {
    return new Tuning(get("offsetHours", t.offsetHours()), get("dayMemory", t.dayMemory()),
        get("weekMemory", t.weekMemory()), get("learnLimit", t.learnLimit()), get("clip", t.clip()),
        get("scalePrior", t.scalePrior()), get("scaleFloor", t.scaleFloor()));
  }

  static boolean any() {
    return System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("nab."));
  }

  private static double get(String key, double fallback) {
    String value = System.getProperty("nab." + key);
    return value == null ? fallback : Double.parseDouble(value);
  }
}
