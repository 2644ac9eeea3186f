-- name: Inbox UI interactions
-- code: IUIX
-- period: 1m
-- direction: higher_is_better
-- unit: interactions
-- how_to_read: Clicks that change a conversation in the Inbox UI (open, assign, close, snooze, note, search) each minute; a drop means the Inbox is slow or broken for teammates even if messages still flow.
-- methodology: Count of marts.inbox_interaction rows in the window, per platform.
-- sources: marts.inbox_interaction
-- norm_value: 5
-- alert_value: 2
-- sla: core-platform
-- linked_services: inbox-web
-- runbook: https://runbooks.heartbeat.local/inbox-ui-interactions
-- owner: team-inbox
-- stage: unverified
-- dimension: platform
select platform as dimension, count(*)::numeric as value
from marts.inbox_interaction
where created_at >= :window_start and created_at < :window_end
group by rollup (platform)
