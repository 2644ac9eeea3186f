-- Bad on purpose - the required key unit is missing.
-- name: Missing unit
-- code: MSUN
-- period: 5m
-- direction: higher_is_better
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
