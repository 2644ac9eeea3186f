package io.heartbeat.alert.band;

/**
 * The band's learning constants, fixed in code (one configuration for every metric); a record so the NAB
 * benchmark can show what each one is worth (-Dnab.key=value ablations).
 *
 * @param offsetHours time constant of the level offset that follows a busier or quieter day
 * @param dayMemory days a time-of-day slot remembers
 * @param weekMemory weeks an hour-of-week slot remembers
 * @param learnLimit residuals beyond this many standard deviations are not learned (an outage stays out)
 * @param clip learning steps are clipped at this many standard deviations
 * @param scalePrior weight, in samples, of the neutral factor 1 in an hour's noise factor
 * @param scaleFloor an hour's noise factor is at least this
 */
record Tuning(double offsetHours, double dayMemory, double weekMemory, double learnLimit, double clip,
    double scalePrior, double scaleFloor) {

  static final Tuning DEFAULT = new Tuning(1.0, 4.0, 3.0, 4.0, 2.0, 10.0, 0.25);
}
