-- name: All Inbox activity
-- code: INBX
-- period: 1m
-- direction: higher_is_better
-- unit: conversation parts
-- how_to_read: Every conversation part created in the Inbox each minute, from teammates, Web and Mobile Messenger; a drop means people cannot talk to each other on the platform.
-- methodology: Count of marts.conversation_part rows by created_at in the window, all sources, split by the customer's region.
-- sources: marts.conversation_part
-- norm_value: 10
-- alert_value: 4
-- target_value: 90
-- target_due_date: 2027-06-30
-- anomaly_sensitivity: 3
-- anomaly_trigger_windows: 3
-- anomaly_recovery_windows: 5
-- sla: core-platform
-- linked_services: inbox-api, messenger-api
-- runbook: https://runbooks.heartbeat.local/all-inbox-activity
-- owner: team-platform
-- stage: unverified
-- dimension: region
select region as dimension, count(*)::numeric as value
from marts.conversation_part
where created_at >= :window_start and created_at < :window_end
group by rollup (region)
