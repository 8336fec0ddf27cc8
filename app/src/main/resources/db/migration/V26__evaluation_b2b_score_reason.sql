-- 背靠背: why a round was scored although too few of the drawn evaluators answered (below zhida.evaluation.b2b.min-response-rate).
ALTER TABLE b2b_round ADD COLUMN score_reason TEXT;
