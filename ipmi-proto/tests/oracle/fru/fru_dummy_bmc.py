#!/usr/bin/env python3
"""A BMC for ipmitool's `-I dummy` interface that serves one FRU image from a file.

It answers Get FRU Inventory Area Info (NetFn Storage 0Ah, cmd 10h) with the file's size
and Read FRU Data (cmd 11h) with the requested bytes, for any FRU device ID; every other
request gets completion code C1h (invalid command). That is enough for
`ipmitool -I dummy fru print 0` and `ipmitool -I dummy ekanalyzer frushow oc=FILE`
(which only needs an interface that opens).

Wire format (ipmitool's dummy plugin, x86_64 layout):
  request : u8 netfn, u8 lun, u8 cmd, u8 target_cmd, u16 data_len, 2 pad,
            u64 pointer (ignored), then data_len bytes of data
  response: u8 netfn, u8 cmd, u8 seq, u8 lun, u8 ccode, 3 pad, i32 data_len,
            4 pad, u64 pointer, then data_len bytes of data

Usage: fru_dummy_bmc.py SOCKET_PATH FRU_FILE   (runs until killed; the file is re-read on
every request, so one server can serve a sequence of images)
"""
import os
import socket
import struct
import sys
import threading

REQ = struct.Struct("<BBBBH2xQ")
RSP = struct.Struct("<BBBBB3xi4xQ")
NETFN_STORAGE = 0x0A
GET_FRU_INFO = 0x10
READ_FRU_DATA = 0x11


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


def answer(path, netfn, cmd, data):
    if netfn != NETFN_STORAGE:
        return 0xC1, b""
    with open(path, "rb") as f:
        image = f.read()
    if cmd == GET_FRU_INFO:
        return 0x00, struct.pack("<HB", len(image), 0)
    if cmd == READ_FRU_DATA and len(data) == 4:
        offset = data[1] | (data[2] << 8)
        count = data[3]
        if offset >= len(image):
            return 0xC9, b""  # parameter out of range
        chunk = image[offset:offset + count]
        return 0x00, bytes([len(chunk)]) + chunk
    return 0xC1, b""


def serve(conn, path):
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
            ccode, body = answer(path, netfn, cmd, data)
            try:
                conn.sendall(RSP.pack(netfn | 1, cmd, 0, lun, ccode, len(body), 0) + body)
            except OSError:
                return


def main():
    sock_path, fru_path = sys.argv[1], sys.argv[2]
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(sock_path)
    srv.listen(16)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn, fru_path), daemon=True).start()


if __name__ == "__main__":
    main()
