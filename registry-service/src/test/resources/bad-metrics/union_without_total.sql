-- Bad on purpose - two grouped UNION branches and neither selects null as dimension.
-- name: Union without total
-- code: UNWT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- dimension: region
select region as dimension, count(*)::numeric as value
from marts.events
where source = 'web' and created_at >= :window_start and created_at < :window_end
group by region
union all
select region, count(*)::numeric
from marts.events
where source = 'mobile' and created_at >= :window_start and created_at < :window_end
group by region
