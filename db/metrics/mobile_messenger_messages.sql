-- name: Mobile Messenger messages
-- code: MMSG
-- period: 1m
-- direction: higher_is_better
-- unit: messages
-- how_to_read: Messages end users send from the Mobile Messenger inside customers' apps each minute, by platform; a drop on one platform points at an SDK or app-store release.
-- methodology: Count of conversation parts with source mobile_messenger in the window, per platform (ios, android).
-- sources: marts.conversation_part
-- norm_value: 2
-- alert_value: 1
-- sla: core-platform
-- linked_services: messenger-api, mobile-sdk-gateway
-- runbook: https://runbooks.heartbeat.local/mobile-messenger
-- owner: team-messenger
-- stage: unverified
-- dimension: platform
select platform as dimension, count(*)::numeric as value
from marts.conversation_part
where source = 'mobile_messenger' and created_at >= :window_start and created_at < :window_end
group by rollup (platform)
