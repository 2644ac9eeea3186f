-- Bad on purpose - a due date needs a target.
-- name: Due without target
-- code: DWTG
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- target_due_date: 2027-06-30
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
