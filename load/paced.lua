-- wrk script for load/run's paced phases: the paths in the file named by WRK_PATHS (survey pages, or searches with
-- wrk's -H Authorization header) asked for at REQUESTS_PER_SECOND in all, whatever the latency, as people arrive
-- (open loop). Run with as many threads as connections (-tN -cN): each thread is one connection with its own
-- timetable, one request every N / rate seconds, the threads' timetables spread over one period. A request's latency
-- counts from when it was due, not from when it could be sent, so a portal that falls behind shows it (no coordinated
-- omission); an answer other than 200 is an error. Ends with one machine-readable line for Load.java; before it, with
-- WRK_SLOW_MS set, one line for each request slower than that: when it was due (UTC, to set beside the portal's GC
-- and application logs), its latency and its path; with WRK_TAIL_MS set, one line for each request slower than that:
-- when it was due and its latency, in CLOCK_MONOTONIC microseconds (Java's System.nanoTime() clock), so that Load.java
-- can set apart the requests in flight while the machine stalled.
package.path = "load/?.lua;" .. package.path
local timetable = require("timetable")
local now_us, utc, threads = timetable.now_us, timetable.utc, timetable.threads
setup = timetable.setup

-- per thread (one connection)
local paths, period_us, start_us, sent, due_us, path, slow_us, tail_us
latencies_us, errors, slow, tail = {}, 0, {}, {}

init = function(args)
  paths = {}
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  local count = tonumber(os.getenv("WRK_THREADS"))
  period_us = 1000000 * count / tonumber(os.getenv("REQUESTS_PER_SECOND"))
  start_us = now_us() + period_us * index / count
  sent = 0
  slow_us = tonumber(os.getenv("WRK_SLOW_MS") or "") and tonumber(os.getenv("WRK_SLOW_MS")) * 1000
  tail_us = tonumber(os.getenv("WRK_TAIL_MS") or "") and tonumber(os.getenv("WRK_TAIL_MS")) * 1000
end

delay = function()
  due_us = start_us + sent * period_us
  local wait = due_us - now_us()
  return wait > 0 and math.floor(wait / 1000) or 0
end

request = function()
  sent = sent + 1
  path = paths[(index + sent * 7) % #paths + 1]
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  local latency_us = now_us() - due_us
  latencies_us[#latencies_us + 1] = latency_us
  if slow_us and latency_us > slow_us then
    slow[#slow + 1] = string.format("SLOW due=%s ms=%.1f %s", utc(due_us), latency_us / 1000, path)
  end
  if tail_us and latency_us > tail_us then
    tail[#tail + 1] = string.format("TAIL due_us=%d us=%d", math.floor(due_us), math.floor(latency_us))
  end
  if status ~= 200 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  local all, errs = {}, 0
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get("latencies_us")) do
      all[#all + 1] = v
    end
    errs = errs + thread:get("errors")
    for _, line in ipairs(thread:get("slow")) do
      io.write(line, "\n")
    end
    for _, line in ipairs(thread:get("tail")) do
      io.write(line, "\n")
    end
  end
  table.sort(all)
  local function percentile(p)
    return #all == 0 and 0 or all[math.max(1, math.ceil(#all * p / 100))]
  end
  local e = summary.errors
  io.write(string.format("PACED requests=%d duration_us=%d errors=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    #all, summary.duration, errs, e.connect + e.read + e.write + e.timeout, percentile(50), percentile(99)))
end
