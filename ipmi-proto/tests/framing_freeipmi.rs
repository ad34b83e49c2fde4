//! Cross-check against FreeIPMI's own framing code (libfreeipmi): IPMB request frames built by
//! `fill_ipmb_msg_hdr` + `assemble_ipmi_ipmb_msg` must equal ours byte for byte; our response
//! frames, given to `unassemble_ipmi_ipmb_msg` without their first byte (as FreeIPMI reads a
//! Get Message answer), must pass `ipmi_ipmb_check_checksum` and decode to the same fields;
//! a frame with one flipped bit must fail both; and KCS packets from `assemble_ipmi_kcs_pkt`
//! must equal our system interface bodies.
//!
//! The oracle is a small C program compiled at test time against libfreeipmi
//! (`apt-get install libfreeipmi-dev`). Without a C compiler or the library the test prints
//! why and passes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

use ipmi_proto::framing::{IpmbRequest, IpmbResponse, RqSeq, SystemInterfaceRequest};
use ipmi_proto::message::{Cmd, CompletionCode, Lun, NetFn, Request};

const ORACLE_C: &str = r#"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <freeipmi/freeipmi.h>

static fiid_template_t tmpl_raw_rq = {
  {8, "cmd", FIID_FIELD_REQUIRED | FIID_FIELD_LENGTH_FIXED},
  {2040, "data", FIID_FIELD_OPTIONAL | FIID_FIELD_LENGTH_VARIABLE},
  {0, "", 0}};
static fiid_template_t tmpl_raw_rs = {
  {8, "cmd", FIID_FIELD_REQUIRED | FIID_FIELD_LENGTH_FIXED},
  {8, "comp_code", FIID_FIELD_REQUIRED | FIID_FIELD_LENGTH_FIXED},
  {2040, "data", FIID_FIELD_OPTIONAL | FIID_FIELD_LENGTH_VARIABLE},
  {0, "", 0}};

static int unhex(const char *s, uint8_t *out) {
  if (strcmp(s, "-") == 0) return 0;
  int n = 0;
  while (s[0] && s[1]) { unsigned v; sscanf(s, "%2x", &v); out[n++] = v; s += 2; }
  return n;
}
static void hex(const uint8_t *b, int n) {
  if (n == 0) printf("-");
  for (int i = 0; i < n; i++) printf("%02x", b[i]);
}

int main(void) {
  char line[4096], kind[4], dhex[2048];
  uint8_t data[1024], buf[2048];
  while (fgets(line, sizeof line, stdin)) {
    unsigned a, b, c, d, e, f, g;
    if (line[0] == 'Q') {
      sscanf(line, "%3s %x %x %x %x %x %x %x %2047s", kind, &a, &b, &c, &d, &e, &f, &g, dhex);
      int n = unhex(dhex, data);
      fiid_obj_t hdr = fiid_obj_create(tmpl_ipmb_msg_hdr_rq);
      fiid_obj_t cmd = fiid_obj_create(tmpl_raw_rq);
      fiid_obj_t msg = fiid_obj_create(tmpl_ipmb_msg);
      if (fill_ipmb_msg_hdr(a, b, c, d, e, f, hdr) < 0) { printf("error\n"); continue; }
      fiid_obj_set(cmd, "cmd", g);
      if (n) fiid_obj_set_data(cmd, "data", data, n);
      if (assemble_ipmi_ipmb_msg(hdr, cmd, msg, 0) < 0) { printf("error\n"); continue; }
      int len = fiid_obj_get_all(msg, buf, sizeof buf);
      hex(buf, len); printf("\n");
      fiid_obj_destroy(hdr); fiid_obj_destroy(cmd); fiid_obj_destroy(msg);
    } else if (line[0] == 'K') {
      sscanf(line, "%3s %x %x %x %2047s", kind, &a, &b, &c, dhex);
      int n = unhex(dhex, data);
      fiid_obj_t hdr = fiid_obj_create(tmpl_hdr_kcs);
      fiid_obj_t cmd = fiid_obj_create(tmpl_raw_rq);
      fill_hdr_ipmi_kcs(a, b, hdr);
      fiid_obj_set(cmd, "cmd", c);
      if (n) fiid_obj_set_data(cmd, "data", data, n);
      int len = assemble_ipmi_kcs_pkt(hdr, cmd, buf, sizeof buf, 0);
      if (len < 0) { printf("error\n"); continue; }
      hex(buf, len); printf("\n");
      fiid_obj_destroy(hdr); fiid_obj_destroy(cmd);
    } else if (line[0] == 'R') {
      sscanf(line, "%3s %x %2047s", kind, &a, dhex);
      int n = unhex(dhex, buf);
      fiid_obj_t msg = fiid_obj_create(tmpl_ipmb_msg);
      fiid_obj_t hdr = fiid_obj_create(tmpl_ipmb_msg_hdr_rs);
      fiid_obj_t cmd = fiid_obj_create(tmpl_raw_rs);
      fiid_obj_t trlr = fiid_obj_create(tmpl_ipmb_msg_trlr);
      fiid_obj_set_all(msg, buf, n);
      if (unassemble_ipmi_ipmb_msg(msg, hdr, cmd, trlr, 0) != 1) { printf("error\n"); continue; }
      if (ipmi_ipmb_check_checksum(a, hdr, cmd, trlr) != 1) { printf("badchecksum\n"); continue; }
      uint64_t v[7];
      FIID_OBJ_GET(hdr, "net_fn", &v[0]); FIID_OBJ_GET(hdr, "rq_lun", &v[1]);
      FIID_OBJ_GET(hdr, "rs_addr", &v[2]); FIID_OBJ_GET(hdr, "rs_lun", &v[3]);
      FIID_OBJ_GET(hdr, "rq_seq", &v[4]); FIID_OBJ_GET(cmd, "cmd", &v[5]);
      FIID_OBJ_GET(cmd, "comp_code", &v[6]);
      int dl = fiid_obj_get_data(cmd, "data", data, sizeof data);
      printf("ok %x %x %x %x %x %x %x ", (unsigned)v[0], (unsigned)v[1], (unsigned)v[2],
             (unsigned)v[3], (unsigned)v[4], (unsigned)v[5], (unsigned)v[6]);
      hex(data, dl < 0 ? 0 : dl); printf("\n");
      fiid_obj_destroy(msg); fiid_obj_destroy(hdr); fiid_obj_destroy(cmd); fiid_obj_destroy(trlr);
    }
    fflush(stdout);
  }
  return 0;
}
"#;

fn hex(b: &[u8]) -> String {
    if b.is_empty() {
        return "-".into();
    }
    b.iter().fold(String::new(), |mut s, x| {
        write!(s, "{x:02x}").unwrap();
        s
    })
}

/// Whether CI asked for every peer comparison to run (`IPMI_PROTO_REQUIRE_PEERS=1`).
fn peers_required() -> bool {
    std::env::var("IPMI_PROTO_REQUIRE_PEERS").as_deref() == Ok("1")
}

/// Builds the oracle; `None` (with a note on stderr) when it cannot be built here, unless
/// `IPMI_PROTO_REQUIRE_PEERS=1`, which makes that a failure.
fn build_oracle() -> Option<std::path::PathBuf> {
    let oracle = try_build_oracle();
    assert!(
        oracle.is_some() || !peers_required(),
        "the libfreeipmi oracle could not be built and IPMI_PROTO_REQUIRE_PEERS=1"
    );
    oracle
}

fn try_build_oracle() -> Option<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("ipmi-proto-freeipmi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = dir.join("oracle.c");
    let bin = dir.join("oracle");
    std::fs::write(&src, ORACLE_C).ok()?;
    let out = Command::new("cc")
        .arg(&src)
        .arg("-o")
        .arg(&bin)
        .arg("-lfreeipmi")
        .output();
    match out {
        Ok(o) if o.status.success() => Some(bin),
        Ok(o) => {
            eprintln!(
                "skipping: cannot build the libfreeipmi oracle: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            None
        }
        Err(e) => {
            eprintln!("skipping: no C compiler: {e}");
            None
        }
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn byte(&mut self) -> u8 {
        (self.next() >> 24) as u8
    }
}

#[test]
fn freeipmi_agrees_on_ipmb_and_kcs_framing() {
    let Some(bin) = build_oracle() else {
        return;
    };
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    const CASES: usize = 2000;

    struct Case {
        frame_rq: Vec<u8>,
        frame_rs: Vec<u8>,
        bad_rs: Vec<u8>,
        kcs: Vec<u8>,
        rq_sa: u8,
        rs_sa: u8,
        netfn: u8,
        rq_lun: u8,
        rs_lun: u8,
        seq: u8,
        cmd: u8,
        cc: u8,
        rs_data: Vec<u8>,
    }
    let mut cases = Vec::new();
    let mut input = String::new();
    for _ in 0..CASES {
        let rs_sa = rng.byte();
        let rq_sa = rng.byte();
        // FreeIPMI refuses to build reserved NetFns (0Eh-2Bh), which we keep; draw from the
        // assigned ones.
        const ASSIGNED: [u8; 17] = [
            0x00, 0x02, 0x04, 0x06, 0x08, 0x0A, 0x0C, 0x2C, 0x2E, 0x30, 0x32, 0x34, 0x36, 0x38,
            0x3A, 0x3C, 0x3E,
        ];
        let netfn = ASSIGNED[usize::from(rng.byte()) % ASSIGNED.len()];
        let rs_lun = rng.byte() & 3;
        let rq_lun = rng.byte() & 3;
        let seq = rng.byte() & 0x3F;
        let cmd = rng.byte();
        let cc = rng.byte();
        let len = usize::from(rng.byte()) % 40;
        let data: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        let rs_data: Vec<u8> = (0..(len / 2)).map(|_| rng.byte()).collect();

        let rq = IpmbRequest {
            rs_sa,
            rq_sa,
            rq_seq: RqSeq::new(seq).unwrap(),
            rq_lun: Lun::new(rq_lun).unwrap(),
            message: Request::new(NetFn::new(netfn).unwrap(), Cmd(cmd), &data)
                .with_lun(Lun::new(rs_lun).unwrap()),
        };
        let mut frame_rq = vec![0; rq.buffer_len()];
        rq.emit(&mut frame_rq).unwrap();
        let rs = rq.response(CompletionCode(cc), &rs_data);
        let mut frame_rs = vec![0; rs.buffer_len()];
        rs.emit(&mut frame_rs).unwrap();
        let mut bad_rs = frame_rs.clone();
        let pos = 1 + usize::from(rng.byte()) % (bad_rs.len() - 1);
        bad_rs[pos] ^= 1 << (rng.byte() % 8);
        let mut kcs = vec![0; 2 + data.len()];
        SystemInterfaceRequest(rq.message).emit(&mut kcs).unwrap();

        writeln!(
            input,
            "Q {rs_sa:x} {netfn:x} {rs_lun:x} {rq_sa:x} {rq_lun:x} {seq:x} {cmd:x} {}",
            hex(&data)
        )
        .unwrap();
        writeln!(input, "R {rq_sa:x} {}", hex(&frame_rs[1..])).unwrap();
        writeln!(input, "R {rq_sa:x} {}", hex(&bad_rs[1..])).unwrap();
        writeln!(input, "K {rs_lun:x} {netfn:x} {cmd:x} {}", hex(&data)).unwrap();
        cases.push(Case {
            frame_rq,
            frame_rs,
            bad_rs,
            kcs,
            rq_sa,
            rs_sa,
            netfn,
            rq_lun,
            rs_lun,
            seq,
            cmd,
            cc,
            rs_data,
        });
    }

    let mut child = Command::new(&bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();

    let (mut same_rq, mut same_rs, mut bad_both, mut same_kcs) = (0, 0, 0, 0);
    for c in &cases {
        // Request frame: byte for byte.
        assert_eq!(lines.next().unwrap(), hex(&c.frame_rq));
        same_rq += 1;

        // Response frame: FreeIPMI's checksum check and field decode.
        let expected = format!(
            "ok {:x} {:x} {:x} {:x} {:x} {:x} {:x} {}",
            c.netfn | 1,
            c.rq_lun,
            c.rs_sa,
            c.rs_lun,
            c.seq,
            c.cmd,
            c.cc,
            hex(&c.rs_data)
        );
        assert_eq!(lines.next().unwrap(), expected);
        let ours = IpmbResponse::parse_after_address(c.rq_sa, &c.frame_rs[1..]).unwrap();
        assert_eq!(ours.message.data, &c.rs_data[..]);
        same_rs += 1;

        // One flipped bit: both refuse it.
        let theirs = lines.next().unwrap();
        let ours = IpmbResponse::parse_after_address(c.rq_sa, &c.bad_rs[1..]);
        assert_eq!(theirs, "badchecksum", "{}", hex(&c.bad_rs));
        assert!(ours.is_err());
        bad_both += 1;

        // KCS body.
        assert_eq!(lines.next().unwrap(), hex(&c.kcs));
        same_kcs += 1;
    }
    assert_eq!(lines.next(), None);
    eprintln!(
        "libfreeipmi agreement: {same_rq} IPMB requests, {same_rs} IPMB responses, \
         {bad_both} corrupted responses refused by both, {same_kcs} KCS bodies"
    );
    assert_eq!(
        (same_rq, same_rs, bad_both, same_kcs),
        (CASES, CASES, CASES, CASES)
    );
    let _ = std::fs::remove_dir_all(bin.parent().unwrap());
}
