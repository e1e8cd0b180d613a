-- Each request uses a fresh refresh token (they rotate: a token is good once). Tokens come from the file
-- prepared by gateway_tokens.py, one "BASIC-CREDENTIALS<tab>TOKEN" a line (the tokens are spread over many clients);
-- wrk thread k takes every k-th line. Arguments: FILE THREADS.
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
    if line_number % step == n then
      local basic, token = line:match("^([^\t]+)\t(.+)$")
      table.insert(tokens, { basic = basic, token = token })
    end
    line_number = line_number + 1
  end
end

function request()
  index = index + 1
  local entry = tokens[index] or { basic = "exhausted", token = "exhausted" }
  return wrk.format("POST", "/fas/oauth2/access_token",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Basic " .. entry.basic},
    "grant_type=refresh_token&refresh_token=" .. entry.token)
end
