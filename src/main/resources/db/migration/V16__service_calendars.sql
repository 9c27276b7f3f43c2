-- Issue #26: the service calendars staff-side deadlines count business hours on, one per profile
-- (a policy profile such as standard or strict). Every edit is a new version: a row is never
-- updated, so a case keeps the version it started with, and the current calendar of a profile is
-- its highest version. weekly_hours and closures are JSON documents:
--   weekly_hours {"MONDAY": [{"from": "09:00", "to": "18:00"}], ...}  (a weekday left out is closed)
--   closures     [{"date": "2026-12-24"}, {"from": "2026-08-14T14:00", "to": "2026-08-14T18:00"}]
-- Runs unchanged on H2 2.x and PostgreSQL 15+.

create table service_calendar (
  profile_key   varchar(40)   not null,
  version       integer       not null,
  zone_id       varchar(60)   not null,
  weekly_hours  text          not null,
  country       varchar(10),
  subdivision   varchar(20),
  closures      text          not null,
  created_by    varchar(255)  not null,
  created_at    timestamp with time zone not null,
  constraint service_calendar_pk primary key (profile_key, version),
  constraint service_calendar_version_ck check (version >= 1)
);
