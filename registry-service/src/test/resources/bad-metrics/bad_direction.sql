-- Bad on purpose - direction must be higher_is_better or lower_is_better.
-- name: Bad direction
-- code: BDIR
-- period: 5m
-- direction: up
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
