-- name: AI-agent answer failure ratio
-- code: AIFR
-- period: 1m
-- direction: lower_is_better
-- unit: ratio
-- how_to_read: Share of AI-agent answers that failed in the minute (0 to 1); a rise means the agent errors instead of answering, even if traffic looks normal.
-- methodology: failed / (succeeded + failed) over marts.ai_agent_answer in the window, per region, with count = the answers behind the ratio; no answers gives no value (empty), not zero. min_count 10: a row with fewer than 10 answers is not judged, because one failure in 3 answers already reads 0.33 and two read red, while at 10 answers and the usual 4 % failures a red minute (4 or more failures) happens by chance about once in 2,000. Why not 20: the demo averages 20 answers a minute but dips to ~9.5 at 03:00 UTC on weekdays and peaks at only ~17 on weekends, so 20 would leave the total unjudged every weekend and ~10 h of each weekday; 10 leaves it unjudged ~2 h a weekday night and about half of a weekend day. Per region only us (~64 % of answers) is judged most of a weekday; eu near the daily peak; au (~9 %) hardly ever at 1m.
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
-- min_count: 10
select region as dimension,
       (count(*) filter (where outcome = 'failed'))::numeric / nullif(count(*), 0) as value,
       count(*) as count
from marts.ai_agent_answer
where created_at >= :window_start and created_at < :window_end
group by rollup (region)
