-- Issue #20 point 2: the money a case decided to move, kept where a task completion cannot reach
-- it. A decision is written in the transaction that makes it (a cancellation's refund decided by
-- its DMN table, a discrepancy's rectification from the investigator's finding or the automatic
-- checks) and the payout step later reads it from here, never from a process variable; CasePayouts
-- bounds it again by the merchant records. One row per case and decision key ('refund' for a
-- cancellation, 'round-<n>' for an investigation round); a later decision under the same key
-- replaces the earlier one. payment_id: the payment to refund, null where the payout step finds it
-- itself (a subscription's last payment) or where it is a wallet credit. Runs on H2 2.x and PostgreSQL.

create table case_payout_decision (
  case_reference  varchar(11)  not null,
  decision        varchar(40)  not null,
  payment_id      varchar(64),
  amount          bigint       not null,
  currency        char(3)      not null,
  decided_at      timestamp with time zone not null,
  constraint case_payout_decision_pk primary key (case_reference, decision),
  constraint case_payout_decision_case_fk foreign key (case_reference) references claim_case (reference),
  constraint case_payout_decision_amount_ck check (amount > 0)
);
