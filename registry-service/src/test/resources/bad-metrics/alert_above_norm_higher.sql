-- Bad on purpose - with higher_is_better, red must lie below amber.
-- name: Alert above norm
-- code: AANH
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value: 10
-- alert_value: 20
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
