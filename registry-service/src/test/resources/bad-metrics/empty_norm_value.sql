-- Bad on purpose - norm_value is present but empty.
-- name: Empty norm
-- code: EMNV
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value:
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
