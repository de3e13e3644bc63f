-- wrk script for load/run's submissions: buyers arriving at BUYERS_PER_SECOND in all, each opening their survey page
-- (GET /s/{token}) and sending the answers (POST, with the page's CSRF field and cookie) on the same connection.
-- Run with as many threads as connections (-tN -cN): a thread's Lua state is then one connection's buyer. Each thread
-- takes every Nth token of the file named by WRK_TOKENS and keeps its own timetable (one buyer every N / rate seconds),
-- so the rate holds whatever the latency; a page's time counts from when its buyer was due, not from when the request
-- could go out, so a portal that falls behind shows it. Text answers come from the file named by WRK_ANSWERS (one
-- form-encoded answer a line, written by Load.java). The run ends with one machine-readable line for Load.java.
package.path = "load/?.lua;" .. package.path
local timetable = require("timetable")
local now_us, threads = timetable.now_us, timetable.threads
setup = timetable.setup

-- per thread (one connection)
local tokens, texts, period_us, start_us
local buyer, token, due_us, sent_us, state, form, cookie
page_us, answer_us = {}, {}
page_errors, answer_errors, first_error = 0, 0, ""

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  local all = {}
  for line in io.lines(os.getenv("WRK_TOKENS")) do
    all[#all + 1] = line
  end
  local count = tonumber(os.getenv("WRK_THREADS"))
  tokens = {}
  for i = index + 1, #all, count do
    tokens[#tokens + 1] = all[i]
  end
  texts = {}
  for line in io.lines(os.getenv("WRK_ANSWERS")) do
    texts[#texts + 1] = line
  end
  period_us = 1000000 * count / tonumber(os.getenv("BUYERS_PER_SECOND"))
  -- threads start spread over one period, so the buyers of all threads arrive evenly
  start_us = now_us() + period_us * index / count
  buyer, state = 0, "page"
end

local function next_buyer()
  buyer = buyer + 1
  state = "page"
end

delay = function()
  if state == "page" then
    due_us = start_us + buyer * period_us
    local wait = due_us - now_us()
    return wait > 0 and math.floor(wait / 1000) or 0
  elseif state == "idle" then
    return 1000
  end
  return 0
end

request = function()
  if state == "page" then
    token = tokens[buyer + 1]
    if token == nil then
      -- this thread's tokens are used up: ask for something harmless and count nothing
      state = "idle"
      return wrk.format("GET", "/actuator/health")
    end
    return wrk.format("GET", "/s/" .. token)
  elseif state == "answer" then
    sent_us = now_us()
    return wrk.format("POST", "/s/" .. token,
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, form)
  end
  return wrk.format("GET", "/actuator/health")
end

local function note(what)
  if first_error == "" then
    first_error = what
  end
end

-- every question of the page answered: some words in each text box, the first choice of every group
local function answers(body)
  local fields = {}
  local csrf = body:match('name="_csrf" value="([^"]+)"')
  if csrf == nil then
    return nil
  end
  fields[#fields + 1] = "_csrf=" .. encode(csrf)
  for tag in body:gmatch("<textarea[^>]*>") do
    local name = tag:match(' name="([^"]+)"')
    fields[#fields + 1] = encode(name) .. "=" .. texts[math.random(#texts)]
  end
  local chosen = {}
  for tag in body:gmatch("<input[^>]*>") do
    local kind = tag:match(' type="([^"]+)"')
    local name, value = tag:match(' name="([^"]+)"'), tag:match(' value="([^"]+)"')
    if (kind == "radio" or kind == "checkbox") and name and value and not chosen[name] then
      chosen[name] = true
      fields[#fields + 1] = encode(name) .. "=" .. encode(value)
    end
  end
  return table.concat(fields, "&")
end

response = function(status, headers, body)
  local now = now_us()
  if state == "page" then
    page_us[#page_us + 1] = now - due_us
    if status ~= 200 then
      page_errors = page_errors + 1
      note("survey page " .. status)
      return next_buyer()
    end
    form = answers(body)
    cookie = (headers["set-cookie"] or headers["Set-Cookie"] or ""):match("^([^;]*)")
    if form == nil then
      page_errors = page_errors + 1
      note("no CSRF field on the survey page")
      return next_buyer()
    end
    state = "answer"
  elseif state == "answer" then
    answer_us[#answer_us + 1] = now - sent_us
    if status ~= 303 then
      answer_errors = answer_errors + 1
      note("answer " .. status .. ": " .. body:sub(1, 200):gsub("%s+", " "))
    end
    next_buyer()
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then
    return 0
  end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

local function gather(name)
  local all = {}
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get(name)) do
      all[#all + 1] = v
    end
  end
  table.sort(all)
  return all
end

done = function(summary, latency, requests)
  local pages, answered = gather("page_us"), gather("answer_us")
  local page_err, answer_err, first = 0, 0, ""
  for _, thread in ipairs(threads) do
    page_err = page_err + thread:get("page_errors")
    answer_err = answer_err + thread:get("answer_errors")
    if first == "" then
      first = thread:get("first_error")
    end
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "BUYERS duration_us=%d pages=%d page_errors=%d page_p50_us=%d page_p99_us=%d answers=%d answer_errors=%d answer_p50_us=%d answer_p99_us=%d socket_errors=%d first_error=%s\n",
    summary.duration, #pages, page_err, percentile(pages, 50), percentile(pages, 99),
    #answered, answer_err, percentile(answered, 50), percentile(answered, 99), socket, first))
end
