-- Bad on purpose - GROUPING SETS without () has no total.
-- name: Grouping sets no total
-- code: GSNT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: region
select region as dimension, count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
group by grouping sets ((region))
