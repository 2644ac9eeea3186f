-- Bad on purpose - trigger windows must be a whole number.
-- name: Trigger windows x
-- code: ATWX
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_trigger_windows: x
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
