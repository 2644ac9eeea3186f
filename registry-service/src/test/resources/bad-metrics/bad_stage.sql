-- Bad on purpose - live is not a lifecycle stage.
-- name: Bad stage
-- code: BSTG
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- stage: live
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
