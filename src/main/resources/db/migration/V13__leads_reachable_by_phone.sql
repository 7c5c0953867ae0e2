-- a customer who leaves only a phone number in the chat is a lead too: email becomes optional where a phone stands in
alter table crm_lead alter column email drop not null;
alter table crm_deal alter column email drop not null;
alter table tailoring_order alter column customer_email drop not null;
alter table crm_lead add constraint ck_crm_lead_reachable check (email is not null or phone is not null);
alter table crm_deal add constraint ck_crm_deal_reachable check (email is not null or phone is not null);
