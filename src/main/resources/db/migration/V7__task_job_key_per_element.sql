-- A job key is unique within one broker's data, not forever: a broker whose data was lost and that
-- started afresh hands out the same keys again (seen in a fault run against a reset broker: new
-- steps were taken for rows of old ones and never reached the inbox). A task row is one job of one
-- element instance; lookups by job key alone still use this index.
alter table task drop constraint task_job_key_key;
alter table task add constraint task_job_key_element_instance_key_key unique (job_key, element_instance_key);
