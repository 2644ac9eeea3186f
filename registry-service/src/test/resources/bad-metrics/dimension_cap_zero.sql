-- Bad on purpose - dimension_cap is at least 1.
-- name: Dimension cap zero
-- code: DCZR
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: customer
-- dimension_cap: 0
select customer_id as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
