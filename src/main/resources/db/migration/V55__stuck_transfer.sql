-- A handover's transfer step that failed for good (an incident in the engine) is kept on its item, so
-- the handover shows it and a manager can start the step again: the account-handover instance and the
-- step's element instance are what the engine is asked to restart.
alter table handover_item
    add column transfer_failed_at            timestamptz,
    add column transfer_failure              text,
    add column transfer_process_instance_key bigint,
    add column transfer_element_instance_key bigint;

-- A listed problem that Baton itself saw resolved (e.g. the transfer started again): when and how.
alter table job_problem
    add column resolved_at timestamptz,
    add column resolution  text;
