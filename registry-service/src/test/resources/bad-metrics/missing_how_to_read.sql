-- Bad on purpose - the required key how_to_read is missing.
-- name: Missing how to read
-- code: MSHR
-- period: 5m
-- direction: higher_is_better
-- unit: events
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
