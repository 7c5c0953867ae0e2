-- An event whose mails could not be made (a template or a lookup that threw, after the route's redeliveries) is
-- parked here instead of being lost: on Kafka the consumer moves on, on the in-JVM channel the event outbox would
-- otherwise publish it again for ever. The route notification-dead-letters tries parked events again every
-- henk.notifications.retry-interval; the mail queue keeps one mail per event and recipient, so a retry that
-- succeeds queues only what is missing. A row is deleted once its event went through.
create table notification_dead_letter (
    event_id        varchar(200) primary key,
    event_type      varchar(200),
    cloud_event     text not null,
    error           varchar(2000) not null,
    attempts        integer not null,
    first_failed_at timestamp with time zone not null,
    last_failed_at  timestamp with time zone not null
);
create index ix_notification_dead_letter_due on notification_dead_letter (last_failed_at);
