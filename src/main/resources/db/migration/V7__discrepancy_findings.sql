-- What the automatic checks of a payment discrepancy found (org.claimdesk.discrepancy, PD-3):
-- stored on the case, shown to the investigator, and written into the resolution document
-- (PD-6). One row per finding; the checks run once per case. Amounts are in minor units of
-- the payment's currency. Runs unchanged on H2 2.x and PostgreSQL 15+ (see V1).
--
-- code: DUPLICATE_CHARGE (related_payment_id: the other payment; amount: each charge),
--   AMOUNT_DIFFERS_FROM_ORDER (amount: charged; other_amount: ordered), UNKNOWN_TO_PROCESSOR,
--   PROCESSOR_RECORD_DIFFERS (amount: the merchant's record; other_amount: the processor's),
--   ALREADY_REFUNDED (amount: refunded so far), NOTHING_FOUND.

create table discrepancy_finding (
  case_reference      varchar(11)  not null,
  code                varchar(30)  not null,
  related_payment_id  varchar(64),
  amount              bigint,
  other_amount        bigint,
  currency            char(3),
  found_at            timestamp with time zone not null,
  constraint discrepancy_finding_pk primary key (case_reference, code),
  constraint discrepancy_finding_case_fk foreign key (case_reference) references claim_case (reference),
  constraint discrepancy_finding_code_ck check (code in ('DUPLICATE_CHARGE', 'AMOUNT_DIFFERS_FROM_ORDER',
    'UNKNOWN_TO_PROCESSOR', 'PROCESSOR_RECORD_DIFFERS', 'ALREADY_REFUNDED', 'NOTHING_FOUND')),
  constraint discrepancy_finding_money_ck check ((amount is null and other_amount is null) or currency is not null)
);
