-- Bad on purpose - FOR SHARE in a subquery still takes row locks.
-- name: Subquery for share
-- code: SQFS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from (
  select * from marts.events
  where created_at >= :window_start and created_at < :window_end
  for share
) e
