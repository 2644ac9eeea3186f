-- Bad on purpose - an INSERT.
-- name: Insert
-- code: INSR
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
insert into marts.events (created_at)
select now()
