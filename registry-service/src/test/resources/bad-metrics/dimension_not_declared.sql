-- Bad on purpose - the SELECT returns a dimension the header does not declare.
-- name: Dimension not declared
-- code: DNDC
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select customer_id as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
