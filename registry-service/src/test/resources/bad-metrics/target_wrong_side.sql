-- Bad on purpose - the stretch target lies on the bad side of norm_value.
-- name: Target wrong side
-- code: TWSD
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value: 10
-- alert_value: 5
-- target_value: 8
-- target_due_date: 2027-06-30
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
