-- Bad on purpose - set_config changes a setting.
-- name: Set config
-- code: SETC
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value,
  set_config('statement_timeout', '0', false) as lifted
from marts.events
where created_at >= :window_start and created_at < :window_end
