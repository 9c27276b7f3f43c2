-- Issue #20 point 7: the outbox keeps no access token. From this version on a customer email is
-- stored with its private link as <base>/cases/<reference>?token=TOKEN-ADDED-WHEN-SENT and the
-- token is put in when it is sent (org.claimdesk.notification.PrivateLinks). Rows written before
-- hold the token (43 characters of base64url): replace it the same way. The text body holds the
-- link once and the HTML body twice (href and text); regexp_replace replaces the first match on
-- PostgreSQL and every match on H2, so the HTML body gets it twice. Runs on H2 2.x and PostgreSQL.

update notification_outbox
   set text_body = regexp_replace(text_body, '[?]token=[A-Za-z0-9_-]{43}', '?token=TOKEN-ADDED-WHEN-SENT'),
       html_body = regexp_replace(regexp_replace(html_body, '[?]token=[A-Za-z0-9_-]{43}',
                     '?token=TOKEN-ADDED-WHEN-SENT'), '[?]token=[A-Za-z0-9_-]{43}', '?token=TOKEN-ADDED-WHEN-SENT')
 where recipient_kind = 'CUSTOMER';
