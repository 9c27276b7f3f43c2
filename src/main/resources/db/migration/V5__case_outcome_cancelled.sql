-- A subscription cancelled with no money back (SC-3 after 7 days, SC-4) has its own outcome.
alter table claim_case drop constraint claim_case_outcome_ck;
alter table claim_case add constraint claim_case_outcome_ck check (outcome is null or outcome in ('REFUNDED',
  'PARTIALLY_REFUNDED', 'CREDITED', 'FIXED', 'ALTERNATIVE', 'REFUSED', 'NO_FAULT_FOUND', 'NO_RESPONSE', 'WITHDRAWN',
  'CANCELLED'));
