-- Bad on purpose - a target needs a due date.
-- name: Target without due
-- code: TWDD
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- target_value: 50
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
