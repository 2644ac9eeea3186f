-- Bad on purpose - a string literal that never closes.
-- name: Unterminated string
-- code: UNTS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where note <> 'oops
and created_at >= :window_start and created_at < :window_end
