-- Bad on purpose - trigger_within is below the default trigger_windows of 3.
-- name: Trigger within default
-- code: ATWD
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_trigger_within: 2
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
