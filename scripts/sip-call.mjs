/**
 * Places one phone call into the local SIP gateway with Debian's sipp (package sip-tester): dials a
 * number on 127.0.0.1, waits for the answer, presses DTMF digits as RFC 4733 telephone-events,
 * keeps the call up (sending G.711 audio), then hangs up with BYE. Loopback only, bounded in time.
 *
 *   node scripts/sip-call.mjs --to=+14155550100 --digits=1 --seconds=30
 *
 * Options: --to (required), --from (caller number, default +15555550123), --digits (0-9*#, default
 * none), --seconds (call length after the answer, default 20), --answer-timeout (how long it may ring,
 * default 30), --port (gateway's SIP port, default LIVEKIT_SIP_PORT or 5060). sipp's global timeout
 * (answer-timeout + seconds + 15 s) bounds the whole run. Exits 0 when the call was answered and
 * hung up cleanly. DTMF goes in the media (RFC 4733): livekit-sip answers SIP INFO with 405.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import dgram from 'node:dgram'
import { spawn, spawnSync } from 'node:child_process'
import { DEFAULT_SIP_PORT } from './lib/sip.mjs'

/** Where Debian's sip-tester keeps its RTP recordings (one telephone-event per digit, G.711 A-law speech). */
const PCAP_DIR = process.env.SIPP_PCAP_DIR ?? '/usr/share/sip-tester'
/** Length of g711a.pcap, replayed to keep media flowing. */
const AUDIO_MS = 7000
const DIGIT_FILES = { '*': 'star', '#': 'pound' }

const say = (m) => console.log(`[sip-call] ${m}`)

function options(argv) {
  const given = Object.fromEntries(argv.filter((a) => a.startsWith('--')).map((a) => {
    const [key, ...value] = a.slice(2).split('=')
    return [key, value.join('=')]
  }))
  const number = (key, fallback) => {
    const value = Number(given[key] ?? fallback)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number`)
    return value
  }
  const to = given.to
  if (!to || !/^\+?[0-9]{3,20}$/.test(to)) throw new Error('--to=<number> is required (digits, optionally with a leading +)')
  const from = given.from ?? '+15555550123'
  if (!/^\+?[0-9]{3,20}$/.test(from)) throw new Error('--from must be a phone number')
  const digits = given.digits ?? ''
  if (!/^[0-9*#]*$/.test(digits)) throw new Error('--digits may hold only 0-9, * and #')
  return {
    to,
    from,
    digits,
    seconds: number('seconds', 20),
    answerTimeout: number('answer-timeout', 30),
    port: number('port', process.env.LIVEKIT_SIP_PORT ?? DEFAULT_SIP_PORT),
  }
}

/** A free UDP port on loopback (even, as RTP wants). */
function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4')
    socket.on('error', reject)
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address()
      socket.close(() => (port % 2 === 0 ? resolve(port) : freeUdpPort().then(resolve, reject)))
    })
  })
}

const pcap = (name) => path.join(PCAP_DIR, `${name}.pcap`)
const play = (file) => `  <nop><action><exec play_pcap_audio="${file}"/></action></nop>`
const pause = (ms) => `  <pause milliseconds="${ms}"/>`

/** The sipp scenario: INVITE (PCMA + telephone-event), answer, digits, audio for `seconds`, BYE. */
function scenario({ from, digits, seconds, answerTimeout }) {
  const dialog = [
    'Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]',
    `From: <sip:${from}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]`,
    'To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]',
    'Call-ID: [call_id]',
  ]
  const media = []
  // Let the bot's greeting start, then press the digits one by one.
  media.push(play(pcap('g711a')), pause(1500))
  for (const digit of digits) media.push(play(pcap(`dtmf_2833_${DIGIT_FILES[digit] ?? digit}`)), pause(700))
  let left = seconds * 1000 - 1500 - digits.length * 700
  while (left > 0) {
    media.push(play(pcap('g711a')), pause(Math.min(AUDIO_MS, left)))
    left -= AUDIO_MS
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<scenario name="cc inbound call">
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
${dialog.join('\n').replace('[peer_tag_param]', '')}
CSeq: 1 INVITE
Contact: <sip:${from}@[local_ip]:[local_port]>
Max-Forwards: 70
User-Agent: cc-sip-call
Content-Type: application/sdp
Content-Length: [len]

v=0
o=caller 1 1 IN IP4 [media_ip]
s=-
c=IN IP4 [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 8 101
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-16
a=ptime:20
a=sendrecv
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <!-- Wait for the 200 itself (not a count of 180s: sipp takes repeated 180s for retransmissions).
       The timeout counts only on this, the current message, so no optional 183 may sit before it. -->
  <recv response="200" rtd="true" rrs="true" timeout="${answerTimeout * 1000}"/>
  <send><![CDATA[
ACK [next_url] SIP/2.0
${dialog.join('\n')}
[routes]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
${media.join('\n')}
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
${dialog.join('\n')}
[routes]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0
]]></send>
  <recv response="200" crlf="true"/>
</scenario>
`
}

/** The first line of every SIP message in sipp's message trace, oldest first. */
function signallingOf(traceFile) {
  if (!fs.existsSync(traceFile)) return []
  const lines = []
  let direction = null
  for (const line of fs.readFileSync(traceFile, 'utf8').split('\n')) {
    if (/message (sent|received)/.test(line)) direction = /message sent/.test(line) ? '→' : '←'
    else if (direction && /^(SIP\/2\.0 \d{3}|[A-Z]+ sip:)/.test(line.trim())) {
      lines.push(`${direction} ${line.trim()}`)
      direction = null
    }
  }
  return lines
}

async function main() {
  const opts = options(process.argv.slice(2))
  if (spawnSync('sipp', ['-v']).error) throw new Error('sipp is not installed (Debian: apt-get install sip-tester)')
  const needed = ['g711a', ...[...opts.digits].map((d) => `dtmf_2833_${DIGIT_FILES[d] ?? d}`)]
  for (const name of needed) if (!fs.existsSync(pcap(name))) throw new Error(`${pcap(name)} is missing (Debian's sip-tester ships it; or set SIPP_PCAP_DIR)`)

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-sip-call-'))
  const scenarioFile = path.join(work, 'call.xml')
  const traceFile = path.join(work, 'messages.log')
  fs.writeFileSync(scenarioFile, scenario(opts))
  const [sipPort, mediaPort] = [await freeUdpPort(), await freeUdpPort()]
  const limitSeconds = opts.answerTimeout + opts.seconds + 15
  const args = [
    `127.0.0.1:${opts.port}`, '-sf', scenarioFile, '-s', opts.to, '-m', '1', '-l', '1',
    '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(sipPort), '-mp', String(mediaPort),
    '-t', 'u1', '-timeout', `${limitSeconds}s`, '-timeout_error',
    '-trace_msg', '-message_file', traceFile, '-trace_err', '-error_file', path.join(work, 'errors.log'),
  ]
  say(`calling ${opts.to} from ${opts.from} at 127.0.0.1:${opts.port} (udp); digits "${opts.digits}", ${opts.seconds} s after the answer`)
  const started = Date.now()
  const sipp = spawn('sipp', args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: work })
  let stderr = ''
  sipp.stderr.on('data', (chunk) => (stderr += chunk))
  // sipp's own -timeout ends the run; this is the backstop if it hangs.
  const killer = setTimeout(() => sipp.kill('SIGKILL'), (limitSeconds + 10) * 1000)
  const code = await new Promise((resolve) => sipp.on('exit', (c, signal) => resolve(c ?? signal)))
  clearTimeout(killer)

  for (const line of signallingOf(traceFile)) say(line)
  const errors = path.join(work, 'errors.log')
  if (code !== 0) {
    if (fs.existsSync(errors)) process.stderr.write(fs.readFileSync(errors, 'utf8').split('\n').slice(-15).join('\n') + '\n')
    if (stderr.trim()) process.stderr.write(stderr)
    const why = code === 255 ? `sipp's global timeout (${limitSeconds} s) hit` : `sipp exited with ${code}`
    say(`FAILED: ${why} after ${Math.round((Date.now() - started) / 1000)} s (trace in ${work})`)
    process.exit(1)
  }
  say(`done: answered, digits sent, hung up after ${Math.round((Date.now() - started) / 1000)} s`)
  fs.rmSync(work, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(`[sip-call] ${error.message}`)
  process.exit(2)
})
