-- Bad on purpose - trigger_within is a whole number of windows.
-- name: Trigger within zero
-- code: ATWZ
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_trigger_within: 0
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
