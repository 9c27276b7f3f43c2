-- Issue #20 point 7: an Idempotency-Key belongs to its caller (org.claimdesk.cases.RequestCaller:
-- the account, or for an anonymous caller its client address), kept as the SHA-256 (hex) of that
-- identity, and is forgotten 24 hours after its first request (IdempotentRequests.pruneExpired,
-- which deletes by created_at). Keys stored before had no caller: they get '' and match no caller,
-- so they are forgotten at once and pruned with the rest. Runs on H2 2.x and PostgreSQL.

alter table idempotent_request add column caller varchar(64) default '' not null;
alter table idempotent_request drop constraint idempotent_request_pk;
alter table idempotent_request add constraint idempotent_request_pk primary key (idempotency_key, scope, caller);
create index idempotent_request_created_ix on idempotent_request (created_at);
