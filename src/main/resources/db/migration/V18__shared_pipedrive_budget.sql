-- Pipedrive's burst limit belongs to the API token, not to a hub instance: N instances on one database share one
-- request budget (henk.pipedrive.limits.requests-per-window per window) instead of each spending all of it.
-- One row per permit of the budget, created as they are first needed (up to the configured number): a call takes a
-- row whose free_at (epoch milliseconds) has passed and sets it to when the call leaves Pipedrive's window again —
-- a conditional update, so two instances never take the same permit. claimed_by names the claim (instance + number)
-- so that the permits an inline lead reserved can be restamped as its calls go out, or handed back.
-- Row 0 is no permit: its free_at is the pause every instance keeps after Pipedrive said the budget is spent
-- (429, or x-ratelimit-remaining 0).
create table pipedrive_permit (
    permit     integer not null primary key,
    free_at    bigint  not null,
    claimed_by varchar(120)
);
insert into pipedrive_permit (permit, free_at) values (0, 0);
