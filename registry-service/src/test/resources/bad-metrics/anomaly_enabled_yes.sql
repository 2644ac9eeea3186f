-- Bad on purpose - anomaly_enabled must be true or false.
-- name: Anomaly enabled yes
-- code: AEYS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- anomaly_enabled: yes
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
