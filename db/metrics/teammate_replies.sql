-- name: Teammate replies
-- code: TMRP
-- period: 1m
-- direction: higher_is_better
-- unit: replies
-- how_to_read: Replies teammates send from the Inbox each minute; a drop means teammates cannot answer their customers.
-- methodology: Count of conversation parts with source inbox_teammate in the window, per customer.
-- sources: marts.conversation_part
-- norm_value: 3
-- alert_value: 1
-- sla: core-platform
-- linked_services: inbox-api
-- runbook: https://runbooks.heartbeat.local/teammate-replies
-- owner: team-inbox
-- stage: unverified
-- dimension: customer
select customer_id as dimension, count(*)::numeric as value
from marts.conversation_part
where source = 'inbox_teammate' and created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
