-- rectification: problems found by the call-back centre (回访) are a ledger category of their own.
ALTER TABLE problem DROP CONSTRAINT problem_category_check;
ALTER TABLE problem ADD CONSTRAINT problem_category_check CHECK (category IN ('EVALUATION', 'BACK_TO_BACK', 'APPEAL', 'OVERDUE', 'MANUAL',
    'EXPERIENCE', 'MONITORING', 'CALLBACK'));
