-- name: AI-agent answer failure ratio
-- code: AIFR
-- period: 1m
-- direction: lower_is_better
-- unit: ratio
-- how_to_read: Share of AI-agent answers that failed in the minute (0 to 1); a rise means the agent errors instead of answering, even if traffic looks normal.
-- methodology: failed / (succeeded + failed) over marts.ai_agent_answer in the window, per region; no answers gives no value (empty), not zero.
-- sources: marts.ai_agent_answer
-- norm_value: 0.15
-- alert_value: 0.4
-- target_value: 0.02
-- target_due_date: 2027-06-30
-- sla: fin
-- linked_services: ai-agent, llm-gateway
-- runbook: https://runbooks.heartbeat.local/ai-agent-failure-ratio
-- owner: team-ai
-- stage: unverified
-- dimension: region
select region as dimension,
       (count(*) filter (where outcome = 'failed'))::numeric / nullif(count(*), 0) as value
from marts.ai_agent_answer
where created_at >= :window_start and created_at < :window_end
group by rollup (region)
