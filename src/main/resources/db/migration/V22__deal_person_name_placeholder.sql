-- A chat lead of a customer who gave no name gets a name the hub made up (the email's local part, "Chat-Kunde"):
-- true while the deal's person_name is such a placeholder. Only then may a name the customer gives later in the same
-- conversation replace it (LeadIntake.addContact); a name the customer, an account or the sales team set is kept.
alter table crm_deal add column person_name_placeholder boolean not null default false;
