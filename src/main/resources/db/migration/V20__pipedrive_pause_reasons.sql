-- Why every hub instance pauses its Pipedrive calls, on the pause row (permit 0) of pipedrive_permit; null on the
-- permits. reason: why the pause until free_at - null for Pipedrive's burst limit (429, x-ratelimit-remaining 0),
-- daily_budget_spent (x-daily-requests-left 0: until Pipedrive's daily reset, 00:00 UTC), unauthorized (401: the API
-- token is refused) or payment_required (402: the company's account is not open). refused: Pipedrive refused the
-- hub's token or account (unauthorized, payment_required) and no call has gone through since - health is DOWN on
-- every instance until one does, also after the pause ran out.
alter table pipedrive_permit add column reason varchar(40);
alter table pipedrive_permit add column refused varchar(40);
