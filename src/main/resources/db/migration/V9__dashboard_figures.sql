-- The managers' figures (org.claimdesk.dashboard): when a case got its first reply from staff
-- (SL-1, the review task completed) and when it was closed (its status became RESOLVED,
-- REJECTED or CLOSED), kept on the case itself, so history cleanup of the engine never changes
-- them; and the indexes the dashboard's queries use. Runs unchanged on H2 2.x and PostgreSQL 15+.

alter table claim_case add column first_reply_at timestamp with time zone;
alter table claim_case add column closed_at timestamp with time zone;

-- Cases closed before this migration: their last update is the best known closing time.
update claim_case set closed_at = updated_at where status in ('RESOLVED', 'REJECTED', 'CLOSED');

-- Open cases by process and status.
create index claim_case_status_type_ix on claim_case (status, type);
-- Outcomes and resolution times of cases closed in a period.
create index claim_case_closed_ix on claim_case (closed_at);
-- Times to first reply in a period.
create index claim_case_first_reply_ix on claim_case (first_reply_at);
-- The per-case view in Cockpit finds the case of a process instance.
create index claim_case_process_instance_ix on claim_case (process_instance_id);
-- SLA breaches in a period.
create index case_sla_breach_breached_ix on case_sla_breach (breached_at);
