#!/usr/bin/env python3
"""A recording BMC stub for ipmitool's `-I dummy` interface.

Every request ipmitool sends is appended to a log file as one line
`REQ netfn=XX cmd=XX lun=X target_cmd=XX data=HEX`, and every answer as
`RSP netfn=XX cmd=XX cc=XX data=HEX`. The answers are canned (see ANSWERS below and
`--medium`); anything not listed gets completion code C1h (invalid command).

Wire format of the dummy plugin (x86_64 layout, as in ../fru/fru_dummy_bmc.py):
  request : u8 netfn, u8 lun, u8 cmd, u8 target_cmd, u16 data_len, 2 pad,
            u64 pointer (ignored), then data_len bytes of data
  response: u8 netfn, u8 cmd, u8 seq, u8 lun, u8 ccode, 3 pad, i32 data_len,
            4 pad, u64 pointer, then data_len bytes of data

Usage: dummy_recorder.py SOCKET_PATH LOG_FILE [--medium system|lan]
  --medium picks the channel medium type Get Channel Info (App 42h) reports for the
  current channel (Eh): 0Ch system interface (default) or 04h 802.3 LAN. ipmitool's
  `event` command looks at it to choose the Platform Event Message form.
"""
import os
import socket
import struct
import sys
import threading

REQ = struct.Struct("<BBBBH2xQ")
RSP = struct.Struct("<BBBBB3xi4xQ")

# DCMI Get Power Reading (NetFn 2Ch, cmd 02h) response data after the completion code:
# DCh, current 0123h = 291 W, minimum 0064h = 100 W, maximum 01F4h = 500 W, average
# 00FAh = 250 W, timestamp 5F5E1000h (2020-09-13 12:26:40 UTC), statistics reporting
# period 000003E8h = 1000 ms, state 40h (power measurement active).
POWER_READING = bytes.fromhex("DC 2301 6400 F401 FA00 00105E5F E8030000 40")

# Master Write-Read (App 52h) answer: two bytes, 0A 18 (a READ_VOUT word).
MASTER_WRITE_READ = bytes.fromhex("0A 18")

# Get Device ID (App 01h) data: device 20h rev 1 with SDRs, firmware 1.23, IPMI 2.0,
# IANA 7154 (F2 1B 00), product 0102h.
DEVICE_ID = bytes.fromhex("20 81 01 23 02 BF F2 1B 00 02 01")

def channel_info(medium):
    # Get Channel Info (App 42h) data: channel, medium type, protocol type, session
    # support, IANA 7154, auxiliary info.
    if medium == "lan":
        return bytes.fromhex("01 04 01 80 F2 1B 00 00 00")
    return bytes.fromhex("0F 0C 05 00 F2 1B 00 00 00")


def answer(medium, netfn, cmd, data):
    if netfn == 0x2C and cmd == 0x02 and data[:1] == b"\xDC":
        return 0x00, POWER_READING
    if netfn == 0x06 and cmd == 0x52:
        return 0x00, MASTER_WRITE_READ[: data[2]] if len(data) >= 3 else b""
    if netfn == 0x04 and cmd == 0x02:
        return 0x00, b""
    if netfn == 0x06 and cmd == 0x42:
        return 0x00, channel_info(medium)
    if netfn == 0x06 and cmd == 0x01:
        return 0x00, DEVICE_ID
    return 0xC1, b""


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


LOCK = threading.Lock()


def log(path, line):
    with LOCK, open(path, "a") as f:
        f.write(line + "\n")


def serve(conn, log_path, medium):
    with conn:
        while True:
            head = read_exact(conn, REQ.size)
            if head is None:
                return
            netfn, lun, cmd, target, data_len, _ptr = REQ.unpack(head)
            data = b""
            if data_len:
                data = read_exact(conn, data_len)
                if data is None:
                    return
            log(log_path, f"REQ netfn={netfn:02X} cmd={cmd:02X} lun={lun} target_cmd={target:02X} data={data.hex().upper()}")
            ccode, body = answer(medium, netfn, cmd, data)
            log(log_path, f"RSP netfn={netfn | 1:02X} cmd={cmd:02X} cc={ccode:02X} data={body.hex().upper()}")
            try:
                conn.sendall(RSP.pack(netfn | 1, cmd, 0, lun, ccode, len(body), 0) + body)
            except OSError:
                return


def main():
    sock_path, log_path = sys.argv[1], sys.argv[2]
    medium = "system"
    if len(sys.argv) > 4 and sys.argv[3] == "--medium":
        medium = sys.argv[4]
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(sock_path)
    srv.listen(16)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn, log_path, medium), daemon=True).start()


if __name__ == "__main__":
    main()
