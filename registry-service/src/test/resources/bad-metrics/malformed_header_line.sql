-- Bad on purpose - the unit line uses '=' instead of ':'.
-- name: Malformed header
-- code: MALH
-- period: 5m
-- direction: higher_is_better
-- how_to_read: Events per window; a drop means customers cannot act.
-- unit = events
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
