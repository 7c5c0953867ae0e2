-- The invitation's iCalendar UID, unique across installs (RFC 5545 3.8.4.7): a random UUID per appointment,
-- kept so that the cancellation names the same event the calendar app imported. Rows booked before this
-- migration have none; their mails derive one from the row and its creation time.
alter table appointment add column calendar_uid varchar(200);
