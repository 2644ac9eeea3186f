-- Bad on purpose - history_days must be at least one day.
-- name: History days zero
-- code: HDZR
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- history_days: 0
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
