-- Bad on purpose - the header declares a dimension the SELECT does not return.
-- name: Dimension not returned
-- code: DNRT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: customer
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
