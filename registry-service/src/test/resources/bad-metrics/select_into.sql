-- Bad on purpose - SELECT INTO creates a table.
-- name: Select into
-- code: SINT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
into marts.value_cache
from marts.events
where created_at >= :window_start and created_at < :window_end
