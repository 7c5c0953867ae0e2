-- what the conversation knew when it created the lead: the event date (Pipedrive's expected close date)
alter table crm_deal add column expected_close_date date;
