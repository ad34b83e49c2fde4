#!/usr/bin/env python3
"""Extracts the session and channel commands from a pcap of IPMI-over-LAN traffic.

Reads the UDP payloads (as `tshark -T fields -e udp.payload` prints them, one hex line per
packet, on stdin), takes apart the RMCP header, the IPMI v1.5 session header (authentication
type 0h-5h, with the 16-byte authentication code when the type is not none) or the RMCP+
session header (type 6h; only unencrypted IPMI payloads, payload type 00h), then the LAN
message (rsAddr, netFn/rsLUN, chk1, rqAddr, rqSeq/rqLUN, cmd, [completion code], data, chk2;
IPMI 2.0 section 13.8), checks both checksums, and prints the messages of NetFn App whose
command is one of CMDS in the fixture format of ipmi-proto/tests/session_fixtures:

    rq NETFN CMD | DATA...
    rs NETFN CMD CC | DATA...

Usage: tshark -r FILE -T fields -e udp.payload | extract_pcap.py [CMD ...]   (hex, default
39 3A 3B 3C 42 54)
"""
import sys

DEFAULT_CMDS = [0x39, 0x3A, 0x3B, 0x3C, 0x42, 0x54]


def checksum_ok(b):
    return sum(b) % 256 == 0


def lan_message(msg):
    if len(msg) < 7 or not checksum_ok(msg[0:3]) or not checksum_ok(msg[3:]):
        return None
    netfn = msg[1] >> 2
    cmd = msg[5]
    body = msg[6:-1]
    if netfn & 1:
        if not body:
            return None
        return ("rs", netfn, cmd, body[0], body[1:])
    return ("rq", netfn, cmd, None, body)


def ipmi_payload(pkt):
    # RMCP: version 06h, reserved, sequence, class 07h (IPMI).
    if len(pkt) < 5 or pkt[0] != 0x06 or pkt[3] & 0x1F != 0x07:
        return None
    s = pkt[4:]
    auth = s[0]
    if auth == 0x06:
        # RMCP+: auth/format, payload type, session ID (4), sequence (4), length (2).
        ptype = s[1]
        if ptype & 0xC0 or ptype & 0x3F != 0x00 or len(s) < 12:
            return None  # encrypted/authenticated, or not an IPMI message
        length = s[10] | (s[11] << 8)
        return s[12:12 + length]
    # IPMI v1.5: auth type, sequence (4), session ID (4), [auth code (16)], length (1).
    off = 9 + (16 if auth != 0 else 0)
    if len(s) <= off:
        return None
    length = s[off]
    return s[off + 1:off + 1 + length]


def main():
    cmds = [int(a, 16) for a in sys.argv[1:]] or DEFAULT_CMDS
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        payload = ipmi_payload(bytes.fromhex(line))
        if payload is None:
            continue
        m = lan_message(payload)
        if m is None:
            continue
        kind, netfn, cmd, cc, data = m
        if netfn & 0x3E != 0x06 or cmd not in cmds:
            continue
        hexdata = " ".join("%02X" % x for x in data)
        if kind == "rq":
            print("rq %02X %02X | %s" % (netfn, cmd, hexdata))
        else:
            print("rs %02X %02X %02X | %s" % (netfn, cmd, cc, hexdata))


if __name__ == "__main__":
    main()
