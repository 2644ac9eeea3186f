-- Bad on purpose - auto_rollback is written without a value (delete the line for the default).
-- name: Auto rollback empty
-- code: AREM
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- auto_rollback:
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
