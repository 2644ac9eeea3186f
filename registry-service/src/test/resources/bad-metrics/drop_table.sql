-- Bad on purpose - DDL (DROP TABLE).
-- name: Drop table
-- code: DRTB
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
drop table marts.events
