-- Submits the password form once per prepared visitor (cookie, tx, CSRF token: one tab-separated line each,
-- from gateway_tokens.py); wrk thread k takes every k-th line. A login succeeds when the gateway answers 303
-- back to the client with a code; the script counts those, and anything else, per thread.
-- Arguments: FILE THREADS USERNAME PASSWORD.
local threads, counter = {}, 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local visitors, index = {}, 0
ok, other = 0, 0
function init(args)
  local n, step = tonumber(id), tonumber(args[2])
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % step == n then
      local cookie, tx, csrf = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)")
      table.insert(visitors, { cookie = cookie, tx = tx, csrf = csrf })
    end
    line_number = line_number + 1
  end
  credentials = "username=" .. args[3] .. "&password=" .. args[4]
end

function request()
  index = index + 1
  local visitor = visitors[index] or { cookie = "", tx = "exhausted", csrf = "" }
  return wrk.format("POST", "/fas/login/password",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = visitor.cookie },
    credentials .. "&tx=" .. visitor.tx .. "&_csrf=" .. visitor.csrf)
end

function response(status, headers, body)
  if status == 303 and headers["Location"] and headers["Location"]:find("code=", 1, true) then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local logins, failures = 0, 0
  for _, thread in ipairs(threads) do
    logins = logins + thread:get("ok")
    failures = failures + thread:get("other")
  end
  io.write(string.format("logins %d other %d seconds %.2f\n", logins, failures, summary.duration / 1e6))
end
