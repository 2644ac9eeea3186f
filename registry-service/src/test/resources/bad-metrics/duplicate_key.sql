-- Bad on purpose - period is given twice.
-- name: Duplicate key
-- code: DUPK
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- period: 15m
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
