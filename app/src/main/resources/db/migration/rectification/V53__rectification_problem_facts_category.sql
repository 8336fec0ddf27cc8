-- rectification publishes each problem's category and state too, for the cockpit's supervision figures.
CREATE OR REPLACE VIEW problem_facts AS SELECT id, unit_kind, unit_code, deadline, done_at, category, status, created_at FROM problem;
