#!/usr/bin/env bash
# The anomaly band on demo-like heartbeats (db/marts/schema.sql's shape, drawn in Java, no database): pages over four
# weeks without incident, delay until a 50 % drop fires, a past outage's drag, and the band's footprint.
#   alert-service/bench/demo.sh [seeds]     (default 10 seeds; each seed is 8 metrics x 5 weeks, the first learned)
# Runs from any directory. Last line: RESULT band_demo false_pages=... drop50_within_goal_pct_ge40=...
#   outage_fire_windows_max=... outage12h_stays_bad=... shift30_adopted_hours=... baseline_false_pages=...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
classes="$("$here/compile.sh")"
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classes" io.heartbeat.alert.band.DemoBenchmark "${1:-10}"
