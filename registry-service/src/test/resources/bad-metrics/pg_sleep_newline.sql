-- Bad on purpose - a line break between the function name and its parenthesis.
-- name: Sleep newline
-- code: SLNL
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
and pg_sleep
(10) is not null
