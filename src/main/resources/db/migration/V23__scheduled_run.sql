-- When each scheduled job last started, so that with several application instances a job
-- runs once per tick (see common.ScheduledJobs).
create table scheduled_run (
    name        varchar(100) primary key,
    last_run    timestamptz  not null
);
