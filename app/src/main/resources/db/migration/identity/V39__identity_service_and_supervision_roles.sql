-- identity: the people of 帮办代办 and of supervision — 政策专员 (policy agents of the service centre), 营商环境体验官
-- (experience officers recruited from outside government) and 纪检监察 (the discipline-inspection link, read-only).
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('ENTERPRISE', 'CLERK', 'REVIEWER', 'DEPT_HEAD', 'FINANCE',
    'AUTHOR', 'EVALUATOR', 'LEADER', 'ADMIN', 'AGENT', 'OFFICER', 'INSPECTOR'));
