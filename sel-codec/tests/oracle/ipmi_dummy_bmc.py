#!/usr/bin/env python3
"""A do-nothing BMC for ipmitool's `-I dummy` interface.

ipmitool opens its interface before running any command, even `sel readraw FILE`,
which only reads a file. This stub listens on a Unix socket and answers every
request with completion code C1h (invalid command), which is enough for ipmitool
to fall back to its vendor-neutral SEL decoding.

Wire format (ipmitool's dummy plugin, x86_64 layout):
  request : u8 netfn, u8 lun, u8 cmd, u8 target_cmd, u16 data_len, 2 pad,
            u64 pointer (ignored), then data_len bytes of data
  response: u8 netfn, u8 cmd, u8 seq, u8 lun, u8 ccode, 3 pad, i32 data_len,
            4 pad, u64 pointer, then data_len bytes of data

Usage: ipmi_dummy_bmc.py SOCKET_PATH   (runs until killed)
"""
import os
import socket
import struct
import sys
import threading

REQ = struct.Struct("<BBBBH2xQ")
RSP = struct.Struct("<BBBBB3xi4xQ")


def read_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def serve(conn):
    with conn:
        while True:
            head = read_exact(conn, REQ.size)
            if head is None:
                return
            netfn, lun, cmd, _target, data_len, _ptr = REQ.unpack(head)
            if data_len and read_exact(conn, data_len) is None:
                return
            try:
                conn.sendall(RSP.pack(netfn | 1, cmd, 0, lun, 0xC1, 0, 0))
            except OSError:
                return


def main():
    path = sys.argv[1]
    if os.path.exists(path):
        os.unlink(path)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(16)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
