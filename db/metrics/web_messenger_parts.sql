-- name: Web Messenger conversation parts
-- code: WMSG
-- period: 1m
-- direction: higher_is_better
-- unit: conversation parts
-- how_to_read: Messages end users send from the Web Messenger on customers' websites each minute; a drop means website visitors cannot reach support.
-- methodology: Count of conversation parts with source web_messenger in the window, per customer.
-- sources: marts.conversation_part
-- norm_value: 3
-- alert_value: 1
-- sla: core-platform
-- linked_services: messenger-api, messenger-web
-- runbook: https://runbooks.heartbeat.local/web-messenger
-- owner: team-messenger
-- stage: paging
-- dimension: customer
select customer_id as dimension, count(*)::numeric as value
from marts.conversation_part
where source = 'web_messenger' and created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
