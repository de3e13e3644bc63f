-- wrk script for load/run's paced page views: survey pages (the paths in the file named by WRK_PATHS) asked for at
-- PAGES_PER_SECOND in all, whatever the latency, as buyers arrive (open loop). Run with as many threads as connections
-- (-tN -cN): each thread is one connection with its own timetable, one page every N / rate seconds, the threads'
-- timetables spread over one period. A page's latency counts from when it was due, not from when it could be sent,
-- so a portal that falls behind shows it (no coordinated omission). Ends with one machine-readable line for Load.java.
package.path = "load/?.lua;" .. package.path
local timetable = require("timetable")
local now_us, threads = timetable.now_us, timetable.threads
setup = timetable.setup

-- per thread (one connection)
local paths, period_us, start_us, sent, due_us
latencies_us, errors = {}, 0

init = function(args)
  paths = {}
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  local count = tonumber(os.getenv("WRK_THREADS"))
  period_us = 1000000 * count / tonumber(os.getenv("PAGES_PER_SECOND"))
  start_us = now_us() + period_us * index / count
  sent = 0
end

delay = function()
  due_us = start_us + sent * period_us
  local wait = due_us - now_us()
  return wait > 0 and math.floor(wait / 1000) or 0
end

request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(index + sent * 7) % #paths + 1])
end

response = function(status, headers, body)
  latencies_us[#latencies_us + 1] = now_us() - due_us
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
  end
  table.sort(all)
  local function percentile(p)
    return #all == 0 and 0 or all[math.max(1, math.ceil(#all * p / 100))]
  end
  local e = summary.errors
  io.write(string.format("PACED requests=%d duration_us=%d errors=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    #all, summary.duration, errs, e.connect + e.read + e.write + e.timeout, percentile(50), percentile(99)))
end
