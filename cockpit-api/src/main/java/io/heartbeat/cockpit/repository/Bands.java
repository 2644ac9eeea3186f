package io.heartbeat.cockpit.repository;

import io.heartbeat.cockpit.model.Band;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The band as three nullable columns (band_expected, band_lower, band_upper), written as unnest arrays. */
final class Bands {

  private final Double[] expected;
  private final Double[] lower;
  private final Double[] upper;

  Bands(int size) {
    expected = new Double[size];
    lower = new Double[size];
    upper = new Double[size];
  }

  void set(int i, Band band) {
    if (band != null) {
      expected[i] = band.expected();
      lower[i] = band.lower();
      upper[i] = band.upper();
    }
  }

  /** Appends the three arrays, in column order, to the statement's parameters. */
  void addTo(Tuple params) {
    params.addArrayOfDouble(expected).addArrayOfDouble(lower).addArrayOfDouble(upper);
  }

  static Band read(Row row) {
    return Band.of(row.getDouble("band_expected"), row.getDouble("band_lower"), row.getDouble("band_upper"));
  }
}
