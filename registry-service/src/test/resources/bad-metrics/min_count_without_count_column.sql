-- Bad on purpose - min_count needs a count column to compare with.
-- name: Min count no column
-- code: MCNC
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- min_count: 20
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
