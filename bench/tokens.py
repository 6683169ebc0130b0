#!/usr/bin/env python3
"""Turns members.tsv (account id, address id) into members.txt (access token, address id) for wrk.

Tokens are the API's own HS256 JWTs (issuer `kaimono`), valid for two hours, signed with the secret the
benchmark server runs with. Standard library only."""
import base64, hashlib, hmac, json, sys, time

secret = sys.argv[1].encode()

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
now = int(time.time())
with open("members.tsv") as src, open("members.txt", "w") as out:
    for line in src:
        account, address = line.split()
        claims = {"sub": account, "role": "member", "iss": "kaimono", "iat": now, "exp": now + 7200}
        payload = b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = b64(hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        out.write(f"{header}.{payload}.{signature} {address}\n")
