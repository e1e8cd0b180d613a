#!/usr/bin/python3
"""The outside application's page: who mod_auth_openidc says is logged in (the OIDC_CLAIM_* variables it sets from
the ID token and userinfo), one <dd id="claim-NAME"> per claim, and a logout link."""

import html
import os

PREFIX = b"OIDC_CLAIM_"
claims = sorted(
    (name[len(PREFIX):].decode("ascii", "replace"), value.decode("utf-8", "replace"))
    for name, value in os.environb.items()
    if name.startswith(PREFIX)
)
port = os.environ.get("SERVER_PORT", "")
logout = f"/protected/redirect_uri?logout=http%3A%2F%2Flocalhost%3A{port}%2Floggedout.html"
rows = "\n".join(
    f'<dt>{html.escape(name)}</dt><dd id="claim-{html.escape(name, quote=True)}">{html.escape(value)}</dd>'
    for name, value in claims
)
page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outside application</title></head>
<body>
<h1 id="rp-welcome">Outside application: welcome, {html.escape(os.environ.get("OIDC_CLAIM_given_name", "?"))}</h1>
<p>Logged in as <code id="remote-user">{html.escape(os.environ.get("REMOTE_USER", ""))}</code> at <code id="rp-path">{html.escape(os.environ.get("REQUEST_URI", ""))}</code></p>
<dl id="claims">
{rows}
</dl>
<p><a id="rp-logout" href="{html.escape(logout, quote=True)}">Log out</a></p>
</body></html>
"""
body = page.encode("utf-8")
os.write(1, b"Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
         + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
