-- Bad on purpose - country is not a dimension kind.
-- name: Bad dimension
-- code: BDIM
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: country
select customer_id as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
