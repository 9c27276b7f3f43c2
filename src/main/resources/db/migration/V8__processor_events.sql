-- The payment processor's webhook events (org.claimdesk.payment.stripe.StripeWebhooks), one row
-- per event id: an event delivered again (processors deliver at least once) finds its row and is
-- not handled twice. Runs unchanged on H2 2.x and PostgreSQL 15+ (schema "claimdesk").
-- object_id: the refund or dispute the event is about. outcome: what Claimdesk did with it, in
-- words (never a secret or card data).
create table processor_event (
  id           varchar(255) not null,
  type         varchar(100) not null,
  object_id    varchar(255),
  received_at  timestamp with time zone not null,
  outcome      varchar(500),
  constraint processor_event_pk primary key (id)
);
create index processor_event_received_ix on processor_event (received_at);
