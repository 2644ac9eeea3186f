-- Bad on purpose - history_days is a whole number of days.
-- name: History days fraction
-- code: HDFR
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- history_days: 1.5
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
