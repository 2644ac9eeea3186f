-- Bad on purpose - a positional $1 instead of the named window bounds.
-- name: Positional parameter
-- code: POSP
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
and customer_id = $1
