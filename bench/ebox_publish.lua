-- eBox publish benchmark (issue 17), driven by bench/ebox_publish.sh: every request POSTs one multipart message
-- to /ebox/api/v1/messages: the metadata part first, then the main document (a constant ~2 KB PDF, so its digest
-- is constant too). Each messageId is unique: run tag, wrk thread number, per-thread counter.
-- Arguments (after --): TOKEN RECIPIENT PDF-FILE DIGEST RUN-TAG
--   TOKEN      the sender's access token (client_credentials, scope ebox:publish)
--   RECIPIENT  the national register number of a person with an activated eBox (11 digits)
--   PDF-FILE   the main document; DIGEST its SHA-256 in base64url without padding
--   RUN-TAG    makes the messageIds of this run differ from those of earlier runs on the same server
-- At the end it prints one line: "publish-statuses created=N replayed=N other=N" (201, 200, anything else).

local threads, counter = {}, 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local boundary = "persopoint-bench-3f6c2a91d0"
local headers, tail, recipient, digest, tag
local sent = 0
created, replayed, other = 0, 0, 0

function init(args)
  assert(#args >= 5, "arguments: TOKEN RECIPIENT PDF-FILE DIGEST RUN-TAG")
  recipient, digest, tag = args[2], args[4], args[5]
  local file = assert(io.open(args[3], "rb"))
  local pdf = file:read("*a")
  file:close()
  headers = {
    ["Authorization"] = "Bearer " .. args[1],
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }
  tail = "\r\n--" .. boundary .. "\r\n" ..
    "Content-Disposition: form-data; name=\"main\"; filename=\"payslip.pdf\"\r\n" ..
    "Content-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. boundary .. "--\r\n"
end

function request()
  sent = sent + 1
  local metadata = string.format(
    '{"recipient":"%s","messageId":"bench-%s-t%d-%d","type":"payslip","language":"fr",' ..
    '"subject":"Fiche de paie %d","registered":false,"digests":{"main":"%s"}}',
    recipient, tag, tonumber(id), sent, sent, digest)
  local body = "--" .. boundary .. "\r\n" ..
    "Content-Disposition: form-data; name=\"metadata\"\r\n" ..
    "Content-Type: application/json\r\n\r\n" .. metadata .. tail
  return wrk.format("POST", "/ebox/api/v1/messages", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    replayed = replayed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + (thread:get("created") or 0)
    r = r + (thread:get("replayed") or 0)
    o = o + (thread:get("other") or 0)
  end
  io.write(string.format("publish-statuses created=%d replayed=%d other=%d\n", c, r, o))
end
