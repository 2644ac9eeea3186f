-- Bad on purpose - dimension_cap means nothing without a dimension.
-- name: Dimension cap alone
-- code: DCAL
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension_cap: 500
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
