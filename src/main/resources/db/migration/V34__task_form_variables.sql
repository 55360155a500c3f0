-- The variables a task's form reads (those its schema names), as the job brought them: form-js shows
-- them as the form's data, and the server checks a submission against them (conditions, FEEL bounds,
-- options from a variable, read-only fields).
alter table task add column form_variables jsonb;
