"""Encrypts and decrypts Inngest event data the way inngest-py's encryption middleware
(inngest_encryption.EncryptionMiddleware) does, with PyNaCl: an independent libsodium binding for the
.NET interop tests. Written for these tests from the middleware's documented behaviour; it is not that
package (which needs the inngest SDK from PyPI).

What it reproduces:
- key: BLAKE2b-256 (nacl.hash.generichash, digest_size 32) of the UTF-8 of the key string, NOT trimmed;
- plaintext: json.dumps(value) with Python's defaults (", " and ": " separators, ensure_ascii);
- cipher: nacl.secret.SecretBox.encrypt (random 24-byte nonce, then MAC and ciphertext), Base64;
- sending: only the configured field, and only when its value is not None; a marked value is left as it is;
- receiving: data that is itself an encrypted value (an invoke payload) is decrypted and merged with its
  plaintext siblings; otherwise only the first encrypted field, the configured one tried first;
  the key, then each fallback key, else "Failed to decrypt data".

stdin: {"op": "encrypt" | "decrypt" | "seal", "key": ..., "fallbackKeys": [...], "field": ..., "events": [{name, data}] | "value": ...}
stdout, one line: {"ok": true, "nacl": version, "events": [...]} / {"ok": true, "value": ...} / {"ok": false, "error": ...}
"""

import json
import sys

import nacl
import nacl.encoding
import nacl.hash
import nacl.secret

ENCRYPTED = "__ENCRYPTED__"
STRATEGY = "__STRATEGY__"
LIBSODIUM = "inngest/libsodium"


def derive(key):
    return nacl.hash.generichash(key.encode("utf-8"), digest_size=nacl.secret.SecretBox.KEY_SIZE, encoder=nacl.encoding.RawEncoder)


def is_encrypted(value):
    return isinstance(value, dict) and value.get(ENCRYPTED) is True and value.get(STRATEGY) == LIBSODIUM


def seal(box, value):
    text = box.encrypt(json.dumps(value).encode(), encoder=nacl.encoding.Base64Encoder)
    return {ENCRYPTED: True, STRATEGY: LIBSODIUM, "data": text.decode()}


def open_value(boxes, value):
    ciphertext = value.get("data")
    if not isinstance(ciphertext, str):
        return value
    for box in boxes:
        try:
            return json.loads(box.decrypt(ciphertext.encode(), encoder=nacl.encoding.Base64Encoder).decode())
        except Exception:
            continue
    raise ValueError("Failed to decrypt data")


def encrypt_data(box, field, data):
    value = data.get(field)
    if value is None or (isinstance(value, dict) and value.get(ENCRYPTED) is True):
        return data
    return {**data, field: seal(box, value)}


def decrypt_data(boxes, field, data):
    if is_encrypted(data):
        plain = open_value(boxes, data)
        if not isinstance(plain, dict):
            raise ValueError("decrypted data is not a dict")
        siblings = {k: v for k, v in data.items() if k not in (ENCRYPTED, STRATEGY, "data")}
        return {**siblings, **plain}
    for name in sorted(data.keys(), key=lambda k: k != field):
        if is_encrypted(data[name]):
            return {**data, name: open_value(boxes, data[name])}
    return data


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    field = request.get("field") or "encrypted"
    box = nacl.secret.SecretBox(derive(request["key"]))
    boxes = [box] + [nacl.secret.SecretBox(derive(k)) for k in request.get("fallbackKeys") or []]
    try:
        op = request["op"]
        if op == "seal":
            answer = {"ok": True, "value": seal(box, request["value"])}
        elif op in ("encrypt", "decrypt"):
            transform = encrypt_data if op == "encrypt" else decrypt_data
            keys = box if op == "encrypt" else boxes
            events = [{**e, "data": transform(keys, field, e.get("data") or {})} for e in request["events"]]
            answer = {"ok": True, "events": events}
        else:
            raise ValueError("unknown op " + op)
    except Exception as error:
        answer = {"ok": False, "error": str(error)}
    answer["nacl"] = nacl.__version__
    sys.stdout.write(json.dumps(answer) + "\n")


main()
