-- Bad on purpose - a standard deviation of zero.
-- name: Zero stddev
-- code: BSDZ
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- benchmark_mean: 40
-- benchmark_stddev: 0
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
