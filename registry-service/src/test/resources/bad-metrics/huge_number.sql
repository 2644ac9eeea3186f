-- Bad on purpose - a threshold PostgreSQL numeric cannot hold.
-- name: Huge number
-- code: HUGE
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value: 1e999999999
-- alert_value: 1
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
