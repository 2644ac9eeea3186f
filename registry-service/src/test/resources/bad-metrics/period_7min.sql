-- Bad on purpose - 7min is not <n>m, <n>h or <n>d.
-- name: Period 7min
-- code: P7MN
-- period: 7min
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
