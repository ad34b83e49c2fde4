#!/bin/sh
# Regenerates ipmi-proto/tests/session_fixtures/ipmi_sim_*.txt and ipmitool_dummy.txt.
#
# Needs ipmitool, OpenIPMI's ipmi_sim, tshark (root, or a user allowed to capture on lo) and
# python3. Uses UDP port ${PORT:-9625} on 127.0.0.1, a Unix socket and a scratch directory
# under ${WORK:-/tmp/session-sim}; stops only the processes it started (by PID).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(cd "$HERE/../../session_fixtures" && pwd)
WORK=${WORK:-/tmp/session-sim}
PORT=${PORT:-9625}
rm -rf "$WORK"; mkdir -p "$WORK/state"; cd "$WORK"

cat > lan.conf <<CONF
name "sim1"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 $PORT
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
  user 2 true "admin" "secret" admin 10 none md2 md5 straight
  user 3 true "oper" "secret" operator 10 none md2 md5 straight
CONF
cat > sim.emu <<EMU
mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
sel_enable 0x20 1000 0x0a
mc_enable 0x20
EMU

LAN="ipmitool -I lan -H 127.0.0.1 -p $PORT -P secret"
LANPLUS="ipmitool -I lanplus -H 127.0.0.1 -p $PORT -P secret"

# capture NAME: runs the commands of section NAME against a fresh ipmi_sim under tshark and
# writes the extracted messages to $OUT/ipmi_sim_NAME.txt.
capture() {
  name=$1
  ipmi_sim -c lan.conf -f sim.emu -n -s "$WORK/state" > "sim-$name.log" 2>&1 &
  SIM=$!
  tshark -i lo -f "udp port $PORT" -w "$WORK/$name.pcap" > "tshark-$name.log" 2>&1 &
  TSHARK=$!
  trap 'kill $SIM $TSHARK 2>/dev/null || true' EXIT
  sleep 2
  "commands_$name"
  sleep 1
  kill $TSHARK; wait $TSHARK 2>/dev/null || true
  kill $SIM; wait $SIM 2>/dev/null || true
  trap - EXIT
  {
    echo "# OpenIPMI ipmi_sim (BMC) and ipmitool $(ipmitool -V | sed 's/.*version //') over UDP 127.0.0.1:$PORT,"
    echo "# captured with tshark and extracted with extract_pcap.py. Regenerate with"
    echo "# tests/oracle/session/capture.sh; the commands run, in order, are commands_$name there."
    tshark -r "$WORK/$name.pcap" -T fields -e udp.payload 2>/dev/null | python3 "$HERE/extract_pcap.py"
  } > "$OUT/ipmi_sim_$name.txt"
}

commands_lan() {
  # IPMI v1.5 sessions: Get Session Challenge, Activate Session, Set Session Privilege Level,
  # Close Session, with each authentication type the sim and ipmitool both support.
  for a in MD5 PASSWORD NONE; do $LAN -U admin -A $a -L ADMINISTRATOR mc info > /dev/null; done
  $LAN -U admin -A MD5 -L USER chassis status > /dev/null
  # Get Channel Info and Get Channel Cipher Suites inside a v1.5 session.
  $LAN -U admin -A MD5 -L ADMINISTRATOR channel info 1 > /dev/null
  $LAN -U admin -A MD5 -L ADMINISTRATOR channel getciphers ipmi 1 > /dev/null
  # Error paths: an unknown user (81h); an operator asking for administrator (86h).
  $LAN -U nobody -A MD5 -L ADMINISTRATOR mc info > /dev/null 2>&1 || true
  $LAN -U oper -A MD5 -L ADMINISTRATOR mc info > /dev/null 2>&1 || true
}

commands_lanplus() {
  # Without -C, ipmitool asks for the cipher suites before the session (channel Eh); ipmi_sim
  # does not answer that outside a session, so ipmitool retries and falls back to suite 3.
  $LANPLUS -U admin mc info > /dev/null 2>&1 || true
  # Suites 1 and 0 (no integrity, no confidentiality): Set Session Privilege Level and Close
  # Session travel in the clear.
  $LANPLUS -U admin -C 1 mc info > /dev/null
  $LANPLUS -U admin -C 0 mc info > /dev/null
}

capture lan
capture lanplus

# ipmitool -I dummy against the recorder's canned answers.
python3 "$HERE/dummy_recorder.py" "$WORK/dummy.sock" "$WORK/dummy.log" &
REC=$!
trap 'kill $REC 2>/dev/null || true' EXIT
sleep 1
IPMI_DUMMY_SOCK="$WORK/dummy.sock" ipmitool -I dummy channel getciphers ipmi 1 > "$WORK/getciphers.out"
IPMI_DUMMY_SOCK="$WORK/dummy.sock" ipmitool -I dummy channel info 1 > "$WORK/info.out"
kill $REC; trap - EXIT
{
  echo "# ipmitool $(ipmitool -V | sed 's/.*version //') -I dummy against dummy_recorder.py (canned answers):"
  echo "# 'channel getciphers ipmi 1' then 'channel info 1'; regenerate with capture.sh."
  echo "# ipmitool printed (getciphers):"
  sed 's/^/#   /' "$WORK/getciphers.out"
  echo "# ipmitool printed (info):"
  sed 's/^/#   /' "$WORK/info.out"
  grep -E '^r[qs] 0[67] (39|3A|3B|3C|41|42|54) ' "$WORK/dummy.log"
} > "$OUT/ipmitool_dummy.txt"
echo "wrote $OUT/ipmi_sim_lan.txt $OUT/ipmitool_dummy.txt"
