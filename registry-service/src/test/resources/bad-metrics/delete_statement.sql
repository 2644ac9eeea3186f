-- Bad on purpose - a DELETE.
-- name: Delete
-- code: DELT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
delete from marts.events
where created_at >= :window_start and created_at < :window_end
