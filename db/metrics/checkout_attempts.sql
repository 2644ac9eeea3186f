-- name: Checkout attempts
-- code: CHKO
-- period: 1m
-- direction: higher_is_better
-- unit: attempts
-- how_to_read: Checkout attempts started by customers' end users each minute, by region; a drop means buyers cannot start paying.
-- methodology: Count of marts.checkout_attempt rows in the window, per region.
-- sources: marts.checkout_attempt
-- norm_value: 1
-- alert_value: 0.5
-- sla: core-platform
-- linked_services: checkout-api, payments-gateway
-- runbook: https://runbooks.heartbeat.local/checkout-attempts
-- owner: team-payments
-- stage: unverified
-- dimension: region
select region as dimension, count(*)::numeric as value
from marts.checkout_attempt
where created_at >= :window_start and created_at < :window_end
group by rollup (region)
