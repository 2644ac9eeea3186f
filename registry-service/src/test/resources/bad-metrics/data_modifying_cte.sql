-- Bad on purpose - a DELETE hidden in a WITH.
-- name: Data-modifying WITH
-- code: DMCT
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
with gone as (
  delete from marts.events where created_at < :window_start returning 1
)
select count(*)::numeric as value from gone
where :window_end is not null
