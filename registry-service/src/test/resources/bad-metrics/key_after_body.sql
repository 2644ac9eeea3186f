-- Bad on purpose - norm_value comes after the SELECT, where it would be ignored.
-- name: Key after body
-- code: KAFB
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
-- norm_value: 10
where created_at >= :window_start and created_at < :window_end
