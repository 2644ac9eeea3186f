-- Bad on purpose - auto_rollback must be true or false.
-- name: Auto rollback no
-- code: ARNO
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- linked_services: checkout-api
-- auto_rollback: no
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
