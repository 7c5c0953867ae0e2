-- HENK's conversation (issue 3): the dialogue's own state beside the profile, and what the hub remembers of a
-- signed-in customer across sessions and devices.
alter table chat_session add column state text;

create table customer_profile (
    user_id    varchar(36) primary key references app_user (id),
    profile    text not null,
    updated_at timestamp with time zone not null
);
