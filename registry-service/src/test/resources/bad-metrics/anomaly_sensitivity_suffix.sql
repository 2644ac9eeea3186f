-- Bad on purpose - 2.5f is a Java literal, not a number.
-- name: Suffixed sensitivity
-- code: ASSF
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_sensitivity: 2.5f
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
