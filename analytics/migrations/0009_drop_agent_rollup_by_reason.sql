-- 0007 moved the per-agent state rollup to agent_state_rollup_15m_v2 (no reason, no offline).
DROP TABLE IF EXISTS agent_state_rollup_15m;
