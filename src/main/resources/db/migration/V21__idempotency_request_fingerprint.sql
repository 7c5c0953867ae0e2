-- An Idempotency-Key stands for one request: the lead remembers a fingerprint (SHA-256, hex) of the request that
-- used the key, so the same key with another request is refused (422 idempotency_key_reused) instead of answered
-- with the first lead. Null for leads stored before, and for the chat's leads (their key is the hub's own).
alter table crm_lead add column idempotency_fingerprint varchar(64);
