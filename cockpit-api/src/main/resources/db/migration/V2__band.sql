-- The anomaly band each metric-level evaluation was judged against (null while it warms up), on the tile and on
-- every series point, so a chart can draw it. Learning progress is not stored: it is read from the tile's rule.
alter table cockpit.tile
  add column band_expected double precision,
  add column band_lower    double precision,
  add column band_upper    double precision;

alter table cockpit.series_point
  add column band_expected double precision,
  add column band_lower    double precision,
  add column band_upper    double precision;
