-- The merchant's data as its shop reports it through the merchant API (/api/orders, ...).
-- Runs unchanged on H2 2.x (the embedded default) and PostgreSQL 15+ (production); Flyway
-- sets the default schema to "claimdesk", so names are unqualified here. Queries in the
-- application always qualify them (claimdesk.shop_order).
--
-- Identifiers are the shop's own ids. Money is an integer amount in minor units plus an
-- ISO 4217 currency code. Every table records when Claimdesk first stored the row.

create table customer (
  id          varchar(64)  not null,
  name        varchar(200) not null,
  email       varchar(254) not null,
  language    varchar(2)   not null,
  created_at  timestamp with time zone not null,
  constraint customer_pk primary key (id),
  constraint customer_language_ck check (language in ('en', 'fr'))
);

create table shop_order (
  id              varchar(64)  not null,
  customer_id     varchar(64)  not null,
  product_type    varchar(20)  not null,
  description     varchar(500) not null,
  amount          bigint       not null,
  currency        char(3)      not null,
  ordered_at      timestamp with time zone not null,
  service_date    date,
  service_status  varchar(10)  not null,
  created_at      timestamp with time zone not null,
  constraint shop_order_pk primary key (id),
  constraint shop_order_customer_fk foreign key (customer_id) references customer (id),
  constraint shop_order_product_type_ck
    check (product_type in ('SERVICE', 'DIGITAL', 'SUBSCRIPTION', 'WALLET_RECHARGE')),
  constraint shop_order_service_status_ck check (service_status in ('BOOKED', 'INITIATED', 'RENDERED')),
  constraint shop_order_amount_ck check (amount > 0)
);
create index shop_order_customer_ix on shop_order (customer_id);

create table payment (
  id                   varchar(64)  not null,
  order_id             varchar(64)  not null,
  processor_reference  varchar(255) not null,
  amount               bigint       not null,
  currency             char(3)      not null,
  captured_at          timestamp with time zone not null,
  status               varchar(10)  not null,
  created_at           timestamp with time zone not null,
  constraint payment_pk primary key (id),
  constraint payment_order_fk foreign key (order_id) references shop_order (id),
  constraint payment_status_ck check (status in ('CAPTURED', 'FAILED', 'PENDING')),
  constraint payment_amount_ck check (amount > 0)
);
create index payment_order_ix on payment (order_id);
create index payment_processor_reference_ix on payment (processor_reference);

create table subscription (
  id               varchar(64)  not null,
  customer_id      varchar(64)  not null,
  order_id         varchar(64)  not null,
  plan             varchar(100) not null,
  amount           bigint       not null,
  currency         char(3)      not null,
  cycle_start      timestamp with time zone not null,
  cycle_end        timestamp with time zone not null,
  last_payment_id  varchar(64)  not null,
  status           varchar(10)  not null,
  -- Maintained by Claimdesk (subscription-cancellation), never by the shop's API calls.
  billing_active   boolean      default true not null,
  cancelled_at     timestamp with time zone,
  access_ends_at   timestamp with time zone,
  refunded_amount  bigint,
  created_at       timestamp with time zone not null,
  constraint subscription_pk primary key (id),
  constraint subscription_customer_fk foreign key (customer_id) references customer (id),
  constraint subscription_order_fk foreign key (order_id) references shop_order (id),
  constraint subscription_last_payment_fk foreign key (last_payment_id) references payment (id),
  constraint subscription_status_ck check (status in ('ACTIVE', 'CANCELLED')),
  constraint subscription_amount_ck check (amount > 0),
  constraint subscription_cycle_ck check (cycle_end > cycle_start),
  constraint subscription_refunded_amount_ck check (refunded_amount is null or refunded_amount >= 0)
);
create index subscription_customer_ix on subscription (customer_id);
create index subscription_order_ix on subscription (order_id);

-- Append-only: rows are inserted, never updated or deleted. A wallet's balance is the sum of
-- its customer's entries (there is no balance column). A RECHARGE entry carries its recharge
-- order in recharge_order_id, whose unique constraint lets one recharge order be credited
-- only once, whether the shop or Claimdesk posts the credit. (Unique allows many NULLs on
-- both databases.)
create table wallet_entry (
  id                 varchar(64) not null,
  customer_id        varchar(64) not null,
  order_id           varchar(64),
  kind               varchar(12) not null,
  amount             bigint      not null,
  currency           char(3)     not null,
  source             varchar(10) not null,
  recharge_order_id  varchar(64),
  created_at         timestamp with time zone not null,
  constraint wallet_entry_pk primary key (id),
  constraint wallet_entry_customer_fk foreign key (customer_id) references customer (id),
  constraint wallet_entry_order_fk foreign key (order_id) references shop_order (id),
  constraint wallet_entry_recharge_order_uk unique (recharge_order_id),
  constraint wallet_entry_kind_ck check (kind in ('RECHARGE', 'PURCHASE', 'ADJUSTMENT')),
  constraint wallet_entry_source_ck check (source in ('SHOP', 'CLAIMDESK')),
  constraint wallet_entry_amount_ck check (
    (kind = 'RECHARGE' and amount > 0) or (kind = 'PURCHASE' and amount < 0)
    or (kind = 'ADJUSTMENT' and amount <> 0)),
  constraint wallet_entry_recharge_order_ck check (
    (kind = 'RECHARGE' and recharge_order_id is not null and recharge_order_id = order_id)
    or (kind <> 'RECHARGE' and recharge_order_id is null))
);
create index wallet_entry_customer_ix on wallet_entry (customer_id, created_at);
