-- Bad on purpose - DDL (CREATE TABLE).
-- name: Create table
-- code: CRTB
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
create table marts.value_cache as
select count(*)::numeric as value from marts.events
