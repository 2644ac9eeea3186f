-- Bad on purpose - February has no 30th.
-- name: Bad due date
-- code: BDDT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- target_value: 50
-- target_due_date: 2027-02-30
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
