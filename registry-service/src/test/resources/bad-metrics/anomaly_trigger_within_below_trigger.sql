-- Bad on purpose - trigger_within must be at least trigger_windows (k of n).
-- name: Trigger within short
-- code: ATWS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_trigger_windows: 4
-- anomaly_trigger_within: 3
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
