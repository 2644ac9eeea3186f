-- Bad on purpose - min_count is at least 1 (a count of events).
-- name: Min count below one
-- code: MCBO
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- min_count: 0.5
select count(*)::numeric as value, count(*) as count
from marts.events
where created_at >= :window_start and created_at < :window_end
