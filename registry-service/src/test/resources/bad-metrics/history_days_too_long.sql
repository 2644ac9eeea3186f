-- Bad on purpose - history_days is capped at 400 days (compute-service bounds it further).
-- name: History days too long
-- code: HDTL
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- history_days: 401
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
