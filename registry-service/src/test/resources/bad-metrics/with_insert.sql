-- Bad on purpose - a WITH that leads into an INSERT.
-- name: With insert
-- code: WINS
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
with recent as (
  select * from marts.events where created_at >= :window_start and created_at < :window_end
)
insert into marts.value_cache select count(*) from recent
