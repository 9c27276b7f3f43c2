-- Emails waiting to go out, and what went out (org.claimdesk.notification). A row is written in
-- the transaction of the process step that sends the message, so a rolled-back step leaves no
-- row; after the commit the row is sent through SMTP, and a scheduled dispatcher retries the
-- ones that could not be sent. Runs unchanged on H2 2.x and PostgreSQL 15+ (see V1).
--
-- recipient_kind: CUSTOMER (the case's customer; the same text is on the case timeline) or
--   STAFF (internal notices such as the SL-1 reminder to the team lead; never on the timeline).
-- message_kind: a CustomerMessage name (CLAIM_RECEIVED, ...) or a staff notice (TEAM_LEAD_NOTICE).
-- status: PENDING (to send; next_attempt_at says when), SENT, FAILED (given up after the
--   configured number of attempts), NO_SMTP (no SMTP server configured: kept, never sent).
-- The bodies hold the customer's private case link: read them only as an administrator.

create table notification_outbox (
  id               varchar(36)   not null,
  case_reference   varchar(64)   not null,
  recipient_kind   varchar(10)   not null,
  message_kind     varchar(40)   not null,
  language         varchar(2)    not null,
  recipient        varchar(254)  not null,
  subject          varchar(1000) not null,
  text_body        varchar       not null,
  html_body        varchar,
  status           varchar(10)   not null,
  attempts         integer       default 0 not null,
  next_attempt_at  timestamp with time zone not null,
  last_error       varchar(1000),
  created_at       timestamp with time zone not null,
  sent_at          timestamp with time zone,
  constraint notification_outbox_pk primary key (id),
  constraint notification_outbox_recipient_kind_ck check (recipient_kind in ('CUSTOMER', 'STAFF')),
  constraint notification_outbox_status_ck check (status in ('PENDING', 'SENT', 'FAILED', 'NO_SMTP')),
  constraint notification_outbox_attempts_ck check (attempts >= 0)
);
-- The dispatcher's question: which PENDING rows are due?
create index notification_outbox_due_ix on notification_outbox (status, next_attempt_at);
create index notification_outbox_case_ix on notification_outbox (case_reference, created_at);
