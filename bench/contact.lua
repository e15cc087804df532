-- wrk script: each request logs a new contact (a new client token each time) through the
-- mother's form, with her session cookie and the form's CSRF token (both from run.sh).
local counter = 0
local csrf = os.getenv("BENCH_CSRF")
local cookie = os.getenv("BENCH_COOKIE")
local day = os.getenv("BENCH_DAY")
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local token = string.format("bench-%d-%d-%d", os.time(), tid or 0, counter)
  local body = "_csrf=" .. csrf .. "&clientToken=" .. token .. "&visitDate=" .. day ..
    "&mode=PHONE&durationMinutes=20&careTypes=COMFORT&childMood=GOOD"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie }, body)
end
