-- rectification: problems found by experience officers (体验官) and by monitoring points and supervisors (监测点、监督员)
-- are ledger categories of their own.
ALTER TABLE problem DROP CONSTRAINT problem_category_check;
ALTER TABLE problem ADD CONSTRAINT problem_category_check CHECK (category IN ('EVALUATION', 'BACK_TO_BACK', 'APPEAL', 'OVERDUE', 'MANUAL',
    'EXPERIENCE', 'MONITORING'));
