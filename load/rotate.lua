-- wrk script for load/run: each request takes the next path from the file named by WRK_PATHS (one a line),
-- and the run ends with one machine-readable line that Load.java reads.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end

local next_path = 0

init = function(args)
  -- threads start at different places in the list, so they do not ask for the same path at once
  next_path = math.random(#paths) - 1
end

request = function()
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
