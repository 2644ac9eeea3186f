-- Bad on purpose - the required key direction is missing.
-- name: Missing direction
-- code: MSDR
-- period: 5m
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
