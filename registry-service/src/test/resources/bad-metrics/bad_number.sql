-- Bad on purpose - norm_value is a word, not a number.
-- name: Bad number
-- code: BNUM
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- norm_value: ten
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
