package io.heartbeat.alert.band;

/**
 * The learning rates of one band, derived once from its period: a slot remembers about the same number of days
 * (or weeks) whether it is visited once or sixty times a day.
 */
record Rates(double offset, double level, double hourly, double fine, double weekly, double error, double factor,
    double tail, int hourMissLimit, int fineMissLimit, int weekMissLimit, int hourVisits, int fineVisits) {

  static Rates of(BandSettings settings, Tuning tuning, SlotClock clock) {
    double period = settings.periodSeconds();
    double perFine = visits(BandSettings.DAY / (double) clock.daySlots(), period);
    double perHour = visits(BandSettings.HOUR, period);
    double perDay = visits(BandSettings.DAY, period);
    double days = tuning.dayMemory();
    double weeks = tuning.weekMemory();
    boolean weekly = settings.seasonality() == Seasonality.WEEKLY;
    return new Rates(1 - Math.exp(-period / (tuning.offsetHours() * BandSettings.HOUR)), 1 / (perDay * days),
        1 / (perHour * days), 1 / (perFine * days), 1 / (perHour * weeks), 1 / (perDay * days),
        weekly ? 1 / (perHour * weeks) : 1 / (perHour * days),
        // A tail (0.1 % of residuals) settles within about a week of windows, at most 10 % a step.
        Math.min(0.1, 1 / (Predictor.TAIL * perDay * 7)),
        // A slot re-learns once isolated far values hit it on a whole cycle of visits and the next one: in practice
        // a fine slot two days running (spikes that stopped); hour slots follow a change through their offset.
        limit(perHour), limit(perFine), limit(perHour), (int) Math.round(perHour), (int) Math.round(perFine));
  }

  double profile(Model model) {
    return switch (model) {
      case LEVEL -> level;
      case HOURLY -> hourly;
      case FINE -> fine;
      case WEEKLY -> weekly;
    };
  }

  int missLimit(Model model) {
    return switch (model) {
      case LEVEL -> Integer.MAX_VALUE;
      case HOURLY -> hourMissLimit;
      case FINE -> fineMissLimit;
      case WEEKLY -> weekMissLimit;
    };
  }

  private static int limit(double visits) {
    return (int) Math.min(Byte.MAX_VALUE, Math.round(visits) + 1);
  }

  /** How often one slot of this length is visited by windows of this period, at least once. */
  private static double visits(double slotSeconds, double periodSeconds) {
    return Math.max(1, slotSeconds / periodSeconds);
  }
}
