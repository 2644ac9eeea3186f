-- Bad on purpose - no column named value.
-- name: Missing value
-- code: MVAL
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as events
from marts.events
where created_at >= :window_start and created_at < :window_end
