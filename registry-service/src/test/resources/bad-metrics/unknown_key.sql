-- Bad on purpose - severity is not a documented key.
-- name: Unknown key
-- code: UNKK
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- severity: critical
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
