-- A handoff's reason is the customer's whole chat message. The message limit counts characters as people see them
-- (code points); 2000 emoji are 4000 UTF-16 units, which H2's varchar(2000) refused (the turn failed with a 500).
alter table handoff alter column reason set data type text;
