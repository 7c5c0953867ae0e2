-- Outbox entries of one customer (email) go out strictly in order, so two leads of the same new customer can
-- never create the Pipedrive person twice, on any number of hub instances.
alter table crm_outbox add column customer_key varchar(254) not null default '';
update crm_outbox set customer_key = (select d.email from crm_deal d where d.id = crm_outbox.deal_id);
create index ix_crm_outbox_customer on crm_outbox (customer_key, status, id);

-- Pipedrive's own update_time of the deal mirror: webhooks and reconciliation apply only newer states
alter table crm_deal add column pipedrive_update_time timestamp with time zone;

-- received Pipedrive webhooks, deduplicated by meta.id, processed asynchronously
create table crm_webhook_event (
    id           varchar(100) primary key,
    entity       varchar(30)  not null,
    action       varchar(30)  not null,
    entity_id    bigint,
    payload      text         not null,
    status       varchar(12)  not null,
    received_at  timestamp with time zone not null,
    processed_at timestamp with time zone,
    last_error   varchar(1000)
);
create index ix_crm_webhook_event_status on crm_webhook_event (status, received_at);

-- one instance at a time for scheduled jobs (reconciliation)
create table scheduler_lock (
    name         varchar(100) primary key,
    locked_by    varchar(200),
    locked_until timestamp with time zone not null,
    cursor_value varchar(200)
);
insert into scheduler_lock (name, locked_until) values ('pipedrive-reconciliation', timestamp with time zone '2000-01-01 00:00:00+00');
