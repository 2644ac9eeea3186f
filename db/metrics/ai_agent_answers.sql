-- name: Successful AI-agent answers
-- code: AIAN
-- period: 1m
-- direction: higher_is_better
-- unit: answers
-- how_to_read: Answers the AI agent delivered successfully each minute; a drop means customers' end users stop getting answers from the agent.
-- methodology: Count of marts.ai_agent_answer rows with outcome succeeded in the window, per customer.
-- sources: marts.ai_agent_answer
-- norm_value: 3
-- alert_value: 1
-- sla: fin
-- linked_services: ai-agent, llm-gateway
-- runbook: https://runbooks.heartbeat.local/ai-agent-answers
-- owner: team-ai
-- stage: unverified
-- dimension: customer
select customer_id as dimension, count(*)::numeric as value
from marts.ai_agent_answer
where outcome = 'succeeded' and created_at >= :window_start and created_at < :window_end
group by rollup (customer_id)
