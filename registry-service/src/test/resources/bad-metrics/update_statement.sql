-- Bad on purpose - an UPDATE.
-- name: Update
-- code: UPDT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
update marts.events set created_at = now()
where created_at >= :window_start and created_at < :window_end
