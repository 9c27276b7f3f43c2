-- Money movement of the processes (org.claimdesk.payment): the payouts Claimdesk makes, and the
-- refunds of the sandbox payment processor. Runs unchanged on H2 2.x and PostgreSQL 15+;
-- Flyway sets the default schema to "claimdesk", so names are unqualified here.
--
-- Money is an integer amount in minor units plus an ISO 4217 currency code. Times are when
-- Claimdesk wrote the row.

-- One row per payout, keyed by its idempotency key "<caseReference>:<step>". The row is
-- committed as PENDING before the money moves and marked SUCCEEDED afterwards, so a retried or
-- re-run job finds it and repeats the same request (or returns the stored receipt).
-- A REFUND names the payment it refunds, a WALLET_CREDIT the customer whose wallet it credits.
-- reference: the processor's refund id (REFUND) or the wallet ledger entry id (WALLET_CREDIT).
-- attempts: how many times the money movement was started for this row.
-- last_error: a short technical text of the last failure (an exception class and message;
-- never a secret or card data).
create table payout (
  idempotency_key  varchar(64)  not null,
  case_reference   varchar(24)  not null,
  step             varchar(24)  not null,
  kind             varchar(13)  not null,
  payment_id       varchar(64),
  customer_id      varchar(64),
  amount           bigint       not null,
  currency         char(3)      not null,
  status           varchar(10)  not null,
  reference        varchar(255),
  attempts         integer      default 0 not null,
  last_error       varchar(500),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  constraint payout_pk primary key (idempotency_key),
  constraint payout_case_step_uk unique (case_reference, step),
  constraint payout_payment_fk foreign key (payment_id) references payment (id),
  constraint payout_customer_fk foreign key (customer_id) references customer (id),
  constraint payout_kind_ck check (
    (kind = 'REFUND' and payment_id is not null and customer_id is null)
    or (kind = 'WALLET_CREDIT' and customer_id is not null and payment_id is null)),
  constraint payout_status_ck check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
  constraint payout_amount_ck check (amount > 0),
  constraint payout_attempts_ck check (attempts >= 0),
  constraint payout_succeeded_reference_ck check (status <> 'SUCCEEDED' or reference is not null)
);
create index payout_payment_ix on payout (payment_id);
create index payout_customer_ix on payout (customer_id);
create index payout_status_ix on payout (status, updated_at);

-- The sandbox payment processor's own records (claimdesk.payment.processor=sandbox): what a
-- real processor would keep on its side. One refund per idempotency key.
create table sandbox_refund (
  id                varchar(64)  not null,
  idempotency_key   varchar(255) not null,
  charge_reference  varchar(255) not null,
  amount            bigint       not null,
  currency          char(3)      not null,
  status            varchar(10)  not null,
  created_at        timestamp with time zone not null,
  constraint sandbox_refund_pk primary key (id),
  constraint sandbox_refund_idempotency_key_uk unique (idempotency_key),
  constraint sandbox_refund_status_ck check (status in ('SUCCEEDED', 'PENDING', 'FAILED')),
  constraint sandbox_refund_amount_ck check (amount > 0)
);
create index sandbox_refund_charge_ix on sandbox_refund (charge_reference);
