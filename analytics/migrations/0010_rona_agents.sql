-- A RONA counts for the agent who let the offer ring out, not for the agent who answered the
-- segment in the end (or for no agent, when the caller then hung up). Each segment lists the
-- agents of its RONAs, one element per RONA, in order (the nil uuid when the offer named none).
-- Segments derived before this column have it empty: the rollups count their RONAs for the
-- segment's agent, as they did, so an existing store needs no backfill (a segment derived again
-- gets the list).
ALTER TABLE call_segments ADD COLUMN IF NOT EXISTS rona_agents Array(UUID) AFTER rona;
