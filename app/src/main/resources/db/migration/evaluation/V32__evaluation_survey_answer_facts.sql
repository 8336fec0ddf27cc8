-- evaluation publishes its survey answers that measure a rate, for the three rates (rates) to read
CREATE VIEW survey_answer_facts AS
SELECT a.id AS answer_id, a.uscc, a.region, coalesce(a.uscc, a.respondent) AS respondent, a.answered_at,
       s.item_code, s.title AS survey_title, q.measure, q.kind, v.value, (v.value = q.options[1]) AS first_option
FROM survey_answer a
JOIN survey s ON s.id = a.survey_id
JOIN survey_answer_value v ON v.answer_id = a.id
JOIN survey_question q ON q.id = v.question_id
WHERE q.measure IN ('AWARENESS', 'SATISFACTION');
COMMENT ON VIEW survey_answer_facts IS 'evaluation: each survey answer to a question that measures awareness or satisfaction, for the three rates';
