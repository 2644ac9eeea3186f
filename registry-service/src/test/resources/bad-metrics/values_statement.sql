-- Bad on purpose - a VALUES list instead of a SELECT.
-- name: Values
-- code: VALS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
values (1)
