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

-- wrk's setup(thread): numbers the threads (the global `index` in each) and keeps them for done()
function timetable.setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  timetable.threads[#timetable.threads + 1] = thread
end

return timetable
