-- Bad on purpose - direction is present but empty.
-- name: Empty direction
-- code: EMDR
-- period: 5m
-- direction:
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
