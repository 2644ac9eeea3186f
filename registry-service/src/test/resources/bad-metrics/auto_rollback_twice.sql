-- Bad on purpose - auto_rollback is given twice, with two different answers.
-- name: Auto rollback twice
-- code: ARTW
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- auto_rollback: true
-- linked_services: checkout-api
-- auto_rollback: false
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
