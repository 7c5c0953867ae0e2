-- the Pipedrive activity an appointment became, so cancelling the appointment can remove it from the team's calendar
alter table appointment add column pipedrive_activity_id bigint;
