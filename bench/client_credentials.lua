-- A client_credentials token request with HTTP Basic client authentication. Argument: the base64 of "id:secret"
-- (bench/gateway_tokens.py writes it to TOKENS.basic).
local basic
function init(args)
  basic = args[1]
end

function request()
  return wrk.format("POST", nil,
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Basic " .. basic},
    "grant_type=client_credentials")
end
