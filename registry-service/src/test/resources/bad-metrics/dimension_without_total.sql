-- Bad on purpose - a plain GROUP BY drops the metric total (dimension null).
-- name: Dimension without total
-- code: DWTO
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: customer
select customer_id as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by customer_id
