-- Bad on purpose - the runbook is not an http(s) URL.
-- name: Bad runbook
-- code: BRBK
-- period: 5m
-- direction: higher_is_better
-- unit: events
-- how_to_read: Events per window; a drop means customers cannot act.
-- runbook: wiki/checkout-runbook
select count(*)::numeric as value
from marts.events
where created_at >= :window_start and created_at < :window_end
