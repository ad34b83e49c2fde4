#!/usr/bin/env python3
"""Compare sel-codec's event descriptions with FreeIPMI's (libfreeipmi) on generated records.

This is a report, not a pass/fail test: it exits 0 whatever the differences are, and
non-zero only when a tool cannot be built or run, or its output cannot be matched up.

What it does:
  1. writes a deterministic (seeded) file of 16-byte system event records (type 02h):
       - every sensor-specific sensor type 01h-2Ch (event type 6Fh) x offsets 0-15,
       - every generic event type 01h-0Ch (sensor type chosen by the seed) x offsets 0-15,
     each with these event data variants:
       A  ED1 bits 7:4 = 0000 (ED2/ED3 unspecified), ED2 = ED3 = FFh
       B  ED1 bits 7:6 = 11, 5:4 = 00, ED3 = FFh, ED2 in {00h, FFh, one seeded 01h-19h};
          for the sensor types in ED2_SWEEP every ED2 in 00h-19h and FFh
       C  ED1 bits 7:4 = 1111 (ED2 and ED3 both sensor-specific), ED2 and ED3 seeded
          from 00h-19h/FFh; for the sensor types in ED3_SWEEP every ED3 in 00h-19h and FFh
     plus a seeded event direction (about 1 in 4 deassertions) and sensor number;
  2. runs freeipmi_sel (built from freeipmi_sel.c with gcc unless --freeipmi-bin is
     given) with "%E" (event text: ED1 offset text combined with ED2/ED3 text), "%e"
     (ED1 offset text only) and "%c" (ED2/ED3 text only);
  3. runs `sel-decode FILE --format json` (built with cargo unless --sel-decode is given)
     and takes "Message";
  4. drops FreeIPMI's hex placeholders ("Event Offset = 0Ah", "Event Data2 = 05h", ...,
     printed when its tables have no text; no flag turns them off), normalises both
     texts (case-insensitive, whitespace collapsed, trimmed), compares ours with
     FreeIPMI's %E and prints counts per class (also for the raw %E) and the distinct
     non-matching text pairs grouped by sensor type / event type and offset.

A "different" record is further tagged by what our text matches on FreeIPMI's side:
  ed1-only   ours == FreeIPMI %e: FreeIPMI only appends its ED2/ED3 text
  ed23-only  ours == FreeIPMI %c: we print just the ED2/ED3 meaning, FreeIPMI prefixes
             the ED1 offset text
  text       anything else (wording or meaning differs)
and an "only FreeIPMI" record by whether FreeIPMI names the offset ("offset") or only
prints event data 2/3 text for an offset neither side names ("ed23").

Usage: compare.py [--seed N] [--records FILE] [--freeipmi-bin PATH] [--sel-decode PATH]
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSPACE = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

SENSOR_SPECIFIC = 0x6F
SENSOR_TYPES = range(0x01, 0x2D)  # 01h-2Ch
GENERIC_EVENT_TYPES = range(0x01, 0x0D)  # 01h-0Ch
OFFSETS = range(0x10)
ED_VALUES = list(range(0x00, 0x1A)) + [0xFF]  # 00h-19h, FFh

# Sensor types whose ED2 (variant B) is swept over every value in ED_VALUES: the ones
# where the IPMI spec gives ED2 a code table (firmware progress/error, event logging,
# restart cause, slot type, watchdog interrupt, FRU state cause, version change type, ...).
ED2_SWEEP = {0x0F, 0x10, 0x12, 0x1D, 0x21, 0x23, 0x2B, 0x2C}
# Sensor types whose ED3 (variant C) is swept: power supply config error type lives in ED3.
ED3_SWEEP = {0x08}

DEFAULT_SEED = 20261121


class ToolError(Exception):
    pass


def build_records(seed):
    """Returns a list of 16-byte records (bytes) and a parallel list of metadata dicts."""
    rng = random.Random(seed)
    cases = []  # (event_type, sensor_type, offset, ed1_high, ed2, ed3)
    for st in SENSOR_TYPES:
        for off in OFFSETS:
            cases.append((SENSOR_SPECIFIC, st, off, 0x00, 0xFF, 0xFF))
            if st in ED2_SWEEP:
                b_values = ED_VALUES
            else:
                b_values = [0x00, rng.randrange(0x01, 0x1A), 0xFF]
            for ed2 in b_values:
                cases.append((SENSOR_SPECIFIC, st, off, 0xC0, ed2, 0xFF))
            if st in ED3_SWEEP:
                for ed3 in ED_VALUES:
                    cases.append((SENSOR_SPECIFIC, st, off, 0xF0, rng.choice(ED_VALUES), ed3))
            else:
                cases.append(
                    (SENSOR_SPECIFIC, st, off, 0xF0, rng.choice(ED_VALUES), rng.choice(ED_VALUES))
                )
    for et in GENERIC_EVENT_TYPES:
        for off in OFFSETS:
            # Generic events may sit on any sensor type; pick a standard one.
            st = rng.choice(list(SENSOR_TYPES))
            cases.append((et, st, off, 0x00, 0xFF, 0xFF))
            for ed2 in [0x00, rng.randrange(0x01, 0x1A), 0xFF]:
                cases.append((et, st, off, 0xC0, ed2, 0xFF))
            cases.append((et, st, off, 0xF0, rng.choice(ED_VALUES), rng.choice(ED_VALUES)))

    if len(cases) > 0xFFFE:
        raise ToolError("too many records for 16-bit record ids")
    records, meta = [], []
    for n, (et, st, off, hi, ed2, ed3) in enumerate(cases, start=1):
        deassert = rng.random() < 0.25
        sensor_number = rng.randrange(0x01, 0xFF)
        timestamp = 0x6A000000 + n * 60
        rec = bytes(
            [
                n & 0xFF, n >> 8,  # record id
                0x02,  # system event record
                *timestamp.to_bytes(4, "little"),
                0x20, 0x00,  # generator id: BMC, channel 0 LUN 0
                0x04,  # EvM revision (IPMI 1.5/2.0)
                st,
                sensor_number,
                (0x80 if deassert else 0x00) | et,
                hi | off,
                ed2,
                ed3,
            ]
        )
        assert len(rec) == 16
        records.append(rec)
        meta.append(
            {"id": n, "event_type": et, "sensor_type": st, "offset": off,
             "ed": "%02X%02X%02X" % (hi | off, ed2, ed3), "deassert": deassert}
        )
    return records, meta


def run(cmd, what):
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        raise ToolError("%s: cannot run %s: %s" % (what, cmd[0], e))
    if proc.returncode != 0:
        raise ToolError(
            "%s: %s exited with %d\n%s"
            % (what, " ".join(cmd), proc.returncode, proc.stderr.decode("latin-1"))
        )
    return proc.stdout.decode("latin-1")


def build_freeipmi(tmpdir):
    gcc = shutil.which("gcc") or shutil.which("cc")
    if not gcc:
        raise ToolError("no C compiler (gcc) found to build freeipmi_sel.c")
    out = os.path.join(tmpdir, "freeipmi_sel")
    run([gcc, "-O2", "-Wall", "-o", out, os.path.join(HERE, "freeipmi_sel.c"), "-lfreeipmi"],
        "build freeipmi_sel")
    return out


def build_sel_decode():
    try:
        run(["cargo", "build", "--quiet", "--release", "-p", "sel-codec", "--example",
             "sel-decode", "--manifest-path", os.path.join(WORKSPACE, "Cargo.toml")],
            "build sel-decode")
    except ToolError as e:
        raise ToolError("%s\n(pass --sel-decode PATH to use a prebuilt binary)" % e)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(WORKSPACE, "target")
    path = os.path.join(target, "release", "examples", "sel-decode")
    if not os.path.exists(path):
        raise ToolError("sel-decode not found at %s after building" % path)
    return path


def freeipmi_texts(binary, records_file, fmt, count):
    out = run([binary, "-f", fmt, records_file], "freeipmi_sel -f %s" % fmt)
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != count:
        raise ToolError("freeipmi_sel printed %d lines for %d records" % (len(lines), count))
    texts = []
    for n, line in enumerate(lines, start=1):
        rid, sep, text = line.partition("\t")
        if not sep or int(rid, 16) != n:
            raise ToolError("freeipmi_sel line %d is not record %04X: %r" % (n, n, line))
        if text.startswith("<error:"):
            raise ToolError("FreeIPMI could not format record %04X: %s" % (n, text))
        texts.append(text)
    return texts


def ours_texts(binary, records_file, count):
    out = run([binary, records_file, "--format", "json"], "sel-decode")
    lines = [l for l in out.split("\n") if l.strip()]
    if len(lines) != count:
        raise ToolError("sel-decode printed %d objects for %d records" % (len(lines), count))
    texts = []
    for n, line in enumerate(lines, start=1):
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise ToolError("sel-decode line %d is not JSON: %s" % (n, e))
        if obj.get("Id") != n:
            raise ToolError("sel-decode object %d has Id %r" % (n, obj.get("Id")))
        texts.append(obj)
    return texts


def norm(text):
    return re.sub(r"\s+", " ", (text or "")).strip().lower()


# FreeIPMI has no flag to suppress its hex fallbacks: when its tables have no text it
# prints "Event Offset = 0Ah", "Event Data2 = 05h", "Event Data3 = 08h" (and, for other
# ED1 flag values than the ones generated here, "Sensor Reading = XXh" or "OEM Event Data2
# code = XXh"). They carry no description, so they are dropped before comparing; the raw
# counts are printed as well.
FREEIPMI_SEPARATOR = " | "  # libfreeipmi's default IPMI_SEL_SEPARATOR_STRING
PLACEHOLDER = re.compile(
    r"^(Event Offset|Event Data[23]|Sensor Reading|OEM Event Data[23] code) = [0-9A-F]{2}h$"
)


def strip_placeholders(text):
    parts = [p for p in text.split(FREEIPMI_SEPARATOR) if not PLACEHOLDER.match(p.strip())]
    return FREEIPMI_SEPARATOR.join(parts).strip()


def classify(ours, theirs):
    if not ours and not theirs:
        return "both empty"
    if ours and not theirs:
        return "only ours"
    if theirs and not ours:
        return "only FreeIPMI"
    return "same" if ours == theirs else "different"


def group_label(m, sensor_names):
    if m["event_type"] == SENSOR_SPECIFIC:
        name = sensor_names.get(m["sensor_type"]) or "?"
        return "6Fh sensor type %02Xh %s" % (m["sensor_type"], name)
    return "generic event type %02Xh" % m["event_type"]


def md_cell(text):
    return (text or "").replace("|", "\\|") if text else "(none)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--records", help="also keep the generated records in this file")
    ap.add_argument("--freeipmi-bin", help="prebuilt freeipmi_sel (default: build with gcc)")
    ap.add_argument("--sel-decode", help="prebuilt sel-decode (default: cargo build --release)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sel-freeipmi-") as tmp:
        records, meta = build_records(args.seed)
        path = args.records or os.path.join(tmp, "records.bin")
        with open(path, "wb") as f:
            f.write(b"".join(records))

        fipmi = args.freeipmi_bin or build_freeipmi(tmp)
        ours_bin = args.sel_decode or build_sel_decode()
        n = len(records)
        their_E = freeipmi_texts(fipmi, path, "%E", n)
        their_e = freeipmi_texts(fipmi, path, "%e", n)
        their_c = freeipmi_texts(fipmi, path, "%c", n)
        ours = ours_texts(ours_bin, path, n)

    sensor_names = {}
    for m, o in zip(meta, ours):
        if m["event_type"] == SENSOR_SPECIFIC and o.get("SensorType"):
            sensor_names.setdefault(m["sensor_type"], o["SensorType"])

    counts = Counter()
    raw_counts = Counter()
    head_counts = Counter()
    placeholder_records = 0
    sub_counts = Counter()
    # (group key) -> OrderedDict[(class, tag, ours, FreeIPMI %e)] -> row data
    pairs = OrderedDict()
    for m, o, tE, te, tc in zip(meta, ours, their_E, their_e, their_c):
        mine_raw = (o.get("Message") or "").strip()
        raw_counts[classify(norm(mine_raw), norm(tE))] += 1
        tE_raw = tE
        tE, te, tc = strip_placeholders(tE), strip_placeholders(te), strip_placeholders(tc)
        if tE != tE_raw.strip():
            placeholder_records += 1
        mine, theirs = norm(mine_raw), norm(tE)
        head_counts[classify(mine, norm(te))] += 1
        cls = classify(mine, theirs)
        counts[cls] += 1
        if cls in ("same", "both empty"):
            continue
        tag = ""
        if cls == "different":
            if mine == norm(te):
                tag = "ed1-only"
            elif norm(tc) and mine == norm(tc):
                tag = "ed23-only"
            else:
                tag = "text"
            sub_counts[tag] += 1
        elif cls == "only FreeIPMI":
            # FreeIPMI names the offset, or only decodes ED2/ED3 of an offset it has no
            # text for (reserved offsets, or generic event types read by sensor type).
            tag = "offset" if te else "ed23"
            sub_counts["only FreeIPMI/" + tag] += 1
        key = (m["event_type"] != SENSOR_SPECIFIC, m["event_type"], m["sensor_type"]
               if m["event_type"] == SENSOR_SPECIFIC else 0, m["offset"])
        grp = pairs.setdefault(key, OrderedDict())
        row = grp.setdefault(
            (cls, tag, mine, norm(te)),
            {"n": 0, "eds": [], "m": m, "ours": mine_raw, "head": te, "tails": OrderedDict()},
        )
        row["n"] += 1
        if len(row["eds"]) < 3:
            row["eds"].append(m["ed"])
        if tc:
            row["tails"].setdefault(norm(tc), (m["ed"], tc))

    total = n
    print("## Counts")
    print()
    print("Records compared: %d (seed %d)" % (total, args.seed))
    print()
    print("The `records` column compares our `Message` with FreeIPMI's `%E` (event data 1")
    print("offset text, then event data 2/3 text) after dropping FreeIPMI's hex placeholders")
    print("(`Event Offset = XXh`, `Event Data2 = XXh`, `Event Data3 = XXh`; %d records have"
          % placeholder_records)
    print("one). `raw %E` keeps the placeholders; `vs %e` compares with FreeIPMI's event data 1")
    print("offset text alone (placeholders dropped).")
    print()
    print("| class | records | raw %E | vs %e |")
    print("|---|---:|---:|---:|")
    for cls in ("same", "different", "only ours", "only FreeIPMI", "both empty"):
        print("| %s | %d | %d | %d |" % (cls, counts[cls], raw_counts[cls], head_counts[cls]))
    print()
    print("Records in class `different`, by what our text matches on FreeIPMI's side:")
    print()
    print("| tag | meaning | records |")
    print("|---|---|---:|")
    print("| ed1-only | ours == FreeIPMI `%%e`; FreeIPMI only appends ED2/ED3 text | %d |"
          % sub_counts["ed1-only"])
    print("| ed23-only | ours == FreeIPMI `%%c`; FreeIPMI prefixes the offset text | %d |"
          % sub_counts["ed23-only"])
    print("| text | wording or meaning differs | %d |" % sub_counts["text"])
    print()
    print("Records in class `only FreeIPMI`:")
    print()
    print("| tag | meaning | records |")
    print("|---|---|---:|")
    print("| offset | FreeIPMI has text for the event data 1 offset, we have none | %d |"
          % sub_counts["only FreeIPMI/offset"])
    print("| ed23 | FreeIPMI has no offset text either, only ED2/ED3 text | %d |"
          % sub_counts["only FreeIPMI/ed23"])
    print()

    distinct = sum(len(g) for g in pairs.values())
    print("## Distinct non-matching text pairs (%d)" % distinct)
    print()
    print("One row per sensor type (event type 6Fh) or generic event type, offset, class and")
    print("distinct pair of our text and FreeIPMI's offset text (`%e`), compared normalised.")
    print("`n`: records; `ED`: up to three example event data 1-3 bytes (hex); last column:")
    print("how many distinct ED2/ED3 texts (`%c`) FreeIPMI appended in those records, with up")
    print("to three examples `ED: text`. FreeIPMI's full `%E` is the `%e` and `%c` columns")
    print("joined with ` | `.")
    print()
    print("| group | off | class | tag | n | ED | ours (sel-codec) | FreeIPMI %e | FreeIPMI %c |")
    print("|---|---|---|---|---:|---|---|---|---|")
    for key in sorted(pairs):
        for (cls, tag, _, _), row in pairs[key].items():
            tails = list(row["tails"].values())
            if tails:
                tail = "%d: " % len(tails) + "; ".join(
                    "`%s`: %s" % (ed, md_cell(t)) for ed, t in tails[:3]
                ) + ("; ..." if len(tails) > 3 else "")
            else:
                tail = ""
            m = row["m"]
            print(
                "| %s | %02Xh | %s | %s | %d | %s | %s | %s | %s |"
                % (group_label(m, sensor_names), m["offset"], cls, tag, row["n"],
                   " ".join(row["eds"]), md_cell(row["ours"]), md_cell(row["head"]), tail)
            )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ToolError as e:
        print("compare.py: %s" % e, file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(0)
