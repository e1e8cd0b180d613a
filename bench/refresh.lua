-- Each request uses a fresh refresh token (they rotate: a token is good once). Tokens come from the file
-- prepared by gateway_tokens.py; wrk thread k takes every k-th line. Arguments: FILE THREADS BASIC-CREDENTIALS.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local tokens, index = {}, 0
function init(args)
  local n, step = tonumber(id), tonumber(args[2])
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % step == n then table.insert(tokens, line) end
    line_number = line_number + 1
  end
  basic = args[3]
end

function request()
  index = index + 1
  return wrk.format("POST", "/fas/oauth2/access_token",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Basic " .. basic},
    "grant_type=refresh_token&refresh_token=" .. (tokens[index] or "exhausted"))
end
