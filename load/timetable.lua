-- Shared by load/run's paced wrk scripts (paced.lua, buyers.lua): a monotonic clock in microseconds, and the
-- list of wrk's threads with their index, so that each thread (one connection) keeps its own timetable and done()
-- can gather what every thread measured. Use: package.path = "load/?.lua;" .. package.path;
-- local timetable = require("timetable"); setup = timetable.setup
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
int clock_gettime(int clock, wrk_timespec *now);
]]
local clock = ffi.new("wrk_timespec")

local timetable = { threads = {} }
local counter = 0

function timetable.now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

-- the wall-clock time (UTC) that monotonic time at_us was, as HH:MM:SS.mmm, to set beside the portal's logs
function timetable.utc(at_us)
  ffi.C.clock_gettime(0, clock) -- CLOCK_REALTIME
  local wall_us = tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000 - (timetable.now_us() - at_us)
  return os.date("!%H:%M:%S", math.floor(wall_us / 1000000)) .. string.format(".%03d", math.floor(wall_us / 1000) % 1000)
end

-- wrk's setup(thread): numbers the threads (the global `index` in each) and keeps them for done()
function timetable.setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  timetable.threads[#timetable.threads + 1] = thread
end

return timetable
