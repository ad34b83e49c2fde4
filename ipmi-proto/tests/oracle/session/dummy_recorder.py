#!/usr/bin/env python3
"""A recording BMC stub for ipmitool's `-I dummy` interface (session and channel commands).

Every request ipmitool sends is logged together with the answer given, in the fixture format
of ipmi-proto/tests/session_fixtures/*.txt:

    rq NETFN CMD | DATA...        the request (NetFn, command, data bytes, hex)
    rs NETFN CMD CC | DATA...     the answer (response NetFn, command, completion code, data)

The answers are canned bytes chosen here (see CANNED): Get Channel Cipher Suites (App 54h)
serves cipher suites 0, 1, 2, 3 and 17 in two pieces (16 + 9 bytes); Get Channel Info (App 42h)
describes channel 1 as an 802.3 LAN channel; Get Channel Access (App 41h) is answered so that
`ipmitool channel info` completes. Anything else gets completion code C1h (invalid command).

Wire format (ipmitool's dummy plugin, x86_64 layout; see ../fru/fru_dummy_bmc.py):
  request : u8 netfn, u8 lun, u8 cmd, u8 target_cmd, u16 data_len, 2 pad, u64 pointer,
            then data_len bytes
  response: u8 netfn, u8 cmd, u8 seq, u8 lun, u8 ccode, 3 pad, i32 data_len, 4 pad,
            u64 pointer, then data_len bytes

Usage: dummy_recorder.py SOCKET_PATH LOG_FILE   (runs until killed; appends to LOG_FILE)
"""
import os
import socket
import struct
import sys
import threading

REQ = struct.Struct("<BBBBH2xQ")
RSP = struct.Struct("<BBBBB3xi4xQ")
APP = 0x06

# Cipher suite records (IPMI 2.0 Table 22-19): C0h, suite ID, auth (tag 00b), integrity
# (tag 01b), confidentiality (tag 10b).
SUITES = bytes([
    0xC0, 0x00, 0x00, 0x40, 0x80,  # 0: RAKP-none, none, none
    0xC0, 0x01, 0x01, 0x40, 0x80,  # 1: RAKP-HMAC-SHA1, none, none
    0xC0, 0x02, 0x01, 0x41, 0x80,  # 2: RAKP-HMAC-SHA1, HMAC-SHA1-96, none
    0xC0, 0x03, 0x01, 0x41, 0x81,  # 3: RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128
    0xC0, 0x11, 0x03, 0x44, 0x81,  # 17: RAKP-HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128
])
# Supported algorithms (list index bit 7 clear): one tagged number a byte.
ALGORITHMS = bytes([0x00, 0x01, 0x03, 0x40, 0x41, 0x44, 0x80, 0x81])


def cipher_suites(data):
    if len(data) != 3:
        return 0xC7, b""
    channel = data[0] & 0x0F
    if channel == 0x0E:
        channel = 1
    index = data[2] & 0x3F
    table = SUITES if data[2] & 0x80 else ALGORITHMS
    return 0x00, bytes([channel]) + table[16 * index:16 * index + 16]


def channel_info(data):
    if len(data) != 1:
        return 0xC7, b""
    channel = data[0] & 0x0F
    if channel == 0x0E:
        channel = 1
    if channel != 1:
        return 0xCC, b""
    # 802.3 LAN, IPMB-1.0 protocol, multi-session with 2 active, IANA 7154, no aux info.
    return 0x00, bytes([channel, 0x04, 0x01, 0x82, 0xF2, 0x1B, 0x00, 0x00, 0x00])


def channel_access(data):
    if len(data) != 2:
        return 0xC7, b""
    # Always available, all authentication enabled; privilege limit Administrator.
    return 0x00, bytes([0x02, 0x04])


CANNED = {
    (APP, 0x54): cipher_suites,
    (APP, 0x42): channel_info,
    (APP, 0x41): channel_access,
}


def hexs(b):
    return " ".join("%02X" % x for x in b)


def read_exact(conn, n):
    buf = b""
    while len(buf) < n:
        try:
            chunk = conn.recv(n - len(buf))
        except OSError:
            return None
        if not chunk:
            return None
        buf += chunk
    return buf


def serve(conn, log, lock):
    with conn:
        while True:
            head = read_exact(conn, REQ.size)
            if head is None:
                return
            netfn, lun, cmd, _target, data_len, _ptr = REQ.unpack(head)
            data = b""
            if data_len:
                data = read_exact(conn, data_len)
                if data is None:
                    return
            handler = CANNED.get((netfn, cmd))
            ccode, body = handler(data) if handler else (0xC1, b"")
            with lock:
                with open(log, "a") as f:
                    f.write("rq %02X %02X | %s\n" % (netfn, cmd, hexs(data)))
                    f.write("rs %02X %02X %02X | %s\n" % (netfn | 1, cmd, ccode, hexs(body)))
            try:
                conn.sendall(RSP.pack(netfn | 1, cmd, 0, lun, ccode, len(body), 0) + body)
            except OSError:
                return


def main():
    sock_path, log = sys.argv[1], sys.argv[2]
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(sock_path)
    srv.listen(16)
    lock = threading.Lock()
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn, log, lock), daemon=True).start()


if __name__ == "__main__":
    main()
