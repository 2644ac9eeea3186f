-- Bad on purpose - GROUP BY 1 is the same plain grouping, without the total.
-- name: Ordinal without total
-- code: OWTO
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: customer
select customer_id as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by 1
