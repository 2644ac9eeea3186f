-- Bad on purpose - with lower_is_better, red must lie above amber.
-- name: Alert below norm
-- code: ABNL
-- period: 5m
-- direction: lower_is_better
-- unit: ratio
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value: 0.2
-- alert_value: 0.1
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
