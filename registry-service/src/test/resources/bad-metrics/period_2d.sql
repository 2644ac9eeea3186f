-- Bad on purpose - a window longer than a day.
-- name: Period 2d
-- code: P2DD
-- period: 2d
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
