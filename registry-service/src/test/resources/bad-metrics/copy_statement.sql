-- Bad on purpose - COPY writes files.
-- name: Copy
-- code: COPY
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
copy (select count(*)::numeric as value from marts.events) to '/tmp/value.csv'
