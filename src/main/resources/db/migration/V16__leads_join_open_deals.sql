-- A customer's further request while their deal is still open joins that deal instead of opening another
-- (issue: abuse-resistant business flows). The request is kept as a lead row pointing at the deal it joined.
alter table crm_lead add column joined_deal_id bigint references crm_deal (id);
create index ix_crm_lead_user_created on crm_lead (user_id, created_at);
create index ix_crm_lead_email_created on crm_lead (email, created_at);
create index ix_crm_deal_user_status on crm_deal (user_id, status);
