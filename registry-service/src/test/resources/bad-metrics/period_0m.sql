-- Bad on purpose - a window of zero minutes.
-- name: Period 0m
-- code: P0MM
-- period: 0m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
