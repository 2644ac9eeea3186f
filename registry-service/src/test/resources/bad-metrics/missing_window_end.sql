-- Bad on purpose - the SELECT does not filter on :window_end.
-- name: Missing window end
-- code: MWEN
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start
