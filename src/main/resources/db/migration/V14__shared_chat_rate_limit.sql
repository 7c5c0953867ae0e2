-- Chat turns counted in the database, so N hub instances behind a load balancer allow a client address or a session
-- the configured number of turns once between them, not N times. One row = one key's turns in one slot (a tenth of
-- henk.chat.rate-limit.window); the key is the SHA-256 hash (hex) of "address:…" or "session:…", never the address
-- or session id itself. Rows older than two windows are deleted as the hub goes.
create table chat_rate_limit (
    limit_key  varchar(64) not null,
    slot_start timestamp with time zone not null,
    turns      integer not null,
    primary key (limit_key, slot_start)
);
create index ix_chat_rate_limit_slot on chat_rate_limit (slot_start);
