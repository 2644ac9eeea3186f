-- Bad on purpose - a percentage of the expected value is at most 100.
-- name: Min change over 100
-- code: AMCP
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_min_change_percent: 150
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
