/**
 * Apache Kafka for the local stack and the tests: the broker jars are resolved from Maven Central
 * with Maven into a cache outside the repo, then one KRaft node (broker and controller in one JVM,
 * small heap) is started on loopback and the platform's topics are created. With KAFKA_BROKERS set
 * nothing is resolved or started.
 *
 * `node scripts/lib/kafka.mjs resolve` only resolves the jars (CI does it before the tests);
 * `node scripts/lib/kafka.mjs versions host:port` lists the protocol versions kafkajs and a broker agree on.
 */
import fs from 'node:fs'
import os from 'node:os'
import net from 'node:net'
import path from 'node:path'
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { service } from './processes.mjs'
import { BACKEND } from './platform.mjs'
import { EVENT_TOPICS } from '../../backend/app/events/topics.ts'

/**
 * Newest Apache Kafka release checked with kafkajs 2.2.4 (idempotent produce with acks=all,
 * consumer groups with manual and automatic offset commits, admin calls, transactions): see README.
 */
export const KAFKA_VERSION = '4.4.0'
/** The logging binding for Kafka's slf4j-api 1.7 (the Maven artifact brings no logging backend). */
const SLF4J_VERSION = '1.7.36'
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1'
const CACHE = process.env.CC_KAFKA_CACHE ?? path.join(os.homedir(), '.cache', 'cc-kafka')
const HOME = path.join(CACHE, KAFKA_VERSION)
const LIBS = path.join(HOME, 'libs')
const COMPLETE = path.join(HOME, 'resolved.txt')
/** Partitions per topic on the local node: more than one, so per-key ordering is really exercised. */
const PARTITIONS = 3

/** The broker jars' folder, resolving them with Maven the first time; otherwise `{ missing: why }`. */
export function ensureKafkaJars(log = console.log) {
  if (fs.existsSync(COMPLETE)) return { libs: LIBS }
  const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' })
  if (mvn.error || mvn.status !== 0) return { missing: 'Maven is not installed, so the Kafka broker jars cannot be resolved (Debian: apt-get install maven), or set KAFKA_BROKERS' }
  log(`[kafka] resolving Apache Kafka ${KAFKA_VERSION} from Maven Central into ${HOME} (first time only)…`)
  const started = Date.now()
  fs.rmSync(LIBS, { recursive: true, force: true })
  fs.mkdirSync(HOME, { recursive: true })
  fs.writeFileSync(path.join(HOME, 'pom.xml'), pom())
  const resolved = spawnSync(
    'mvn',
    ['-B', '-q', '-Dstyle.color=never', '-f', path.join(HOME, 'pom.xml'), `-Dmaven.repo.local=${path.join(CACHE, 'm2')}`, `${DEPENDENCY_PLUGIN}:copy-dependencies`, '-DincludeScope=runtime', `-DoutputDirectory=${LIBS}`],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  )
  if (resolved.status !== 0) return { missing: `mvn could not resolve org.apache.kafka:kafka_2.13:${KAFKA_VERSION} (is Maven Central reachable?)` }
  const jars = fs.readdirSync(LIBS).filter((f) => f.endsWith('.jar')).sort()
  // Written last: a half-finished resolution is redone next time.
  fs.writeFileSync(COMPLETE, jars.join('\n') + '\n')
  log(`[kafka] resolved ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { libs: LIBS }
}

/** A pom whose only job is to name the broker and a logging backend for `copy-dependencies`. */
function pom() {
  const dependency = (group, artifact, version) =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.cc</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
${dependency('org.apache.kafka', 'kafka_2.13', KAFKA_VERSION)}
${dependency('org.slf4j', 'slf4j-simple', SLF4J_VERSION)}
  </dependencies>
</project>
`
}

/** The Java major version on the PATH, or null without Java. */
function javaMajor() {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) return null
  const version = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr)
  if (!version) return null
  return Number(version[1]) === 1 ? Number(version[2]) : Number(version[1])
}

/** KRaft single node: broker and controller in one process, loopback only. */
function serverProperties({ logDir, port, controllerPort, faultListener }) {
  const listeners = [`PLAINTEXT://127.0.0.1:${port}`, `CONTROLLER://127.0.0.1:${controllerPort}`]
  const advertised = [`PLAINTEXT://127.0.0.1:${port}`]
  const protocols = ['PLAINTEXT:PLAINTEXT', 'CONTROLLER:PLAINTEXT']
  if (faultListener) {
    // Clients that bootstrap here are told the broker is at the proxy's port, so every byte they
    // exchange goes through the tests' cuttable proxy.
    listeners.push(`FAULT://127.0.0.1:${faultListener.port}`)
    advertised.push(`FAULT://127.0.0.1:${faultListener.advertisedPort}`)
    protocols.push('FAULT:PLAINTEXT')
  }
  return [
    'node.id=1',
    'process.roles=broker,controller',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listeners=${listeners.join(',')}`,
    `advertised.listeners=${advertised.join(',')}`,
    `listener.security.protocol.map=${protocols.join(',')}`,
    `log.dirs=${logDir}`,
    `num.partitions=${PARTITIONS}`,
    'auto.create.topics.enable=false',
    // One node: internal topics with one replica and few partitions (the default 50 slows the first group).
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'share.coordinator.state.topic.num.partitions=3',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
  ].join('\n') + '\n'
}

/**
 * Starts Kafka (resolving the jars if needed), creates the platform's topics and returns the env the
 * backend needs, or `{ missing: why }`. `fresh` wipes the node's data first and `quickStart` trades
 * JIT for start time (tests); `faultListener` `{ port, advertisedPort }` adds a listener advertised
 * at a proxy port the tests control. With KAFKA_BROKERS set that broker is used, unless `own` asks
 * for a broker of the caller's own (a test that stops and restarts it).
 */
export async function startKafka({ dataDir, port, controllerPort, fresh = false, faultListener, quickStart = false, heap = '384m', own = false, log = console.log }) {
  if (process.env.KAFKA_BROKERS && !own) return { env: { KAFKA_BROKERS: process.env.KAFKA_BROKERS }, stop: async () => {}, external: true }
  const major = javaMajor()
  if (major === null) return { missing: 'Java is not installed (Debian: apt-get install openjdk-17-jre-headless), or set KAFKA_BROKERS' }
  if (major < 17) return { missing: `Kafka ${KAFKA_VERSION} needs Java 17 or newer (found ${major}), or set KAFKA_BROKERS` }
  const jars = ensureKafkaJars(log)
  if (!jars.libs) return { missing: jars.missing }
  for (const p of [port, controllerPort, faultListener?.port]) {
    if (p && (await listening(p))) return { missing: `port ${p} is already taken (another Kafka? set KAFKA_BROKERS to use it)` }
  }

  const started = Date.now()
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const logDir = path.join(dataDir, 'logs')
  const configFile = path.join(dataDir, 'server.properties')
  fs.writeFileSync(configFile, serverProperties({ logDir, port, controllerPort, faultListener }))
  const classpath = `${jars.libs}${path.sep}*`
  if (!fs.existsSync(path.join(logDir, 'meta.properties'))) {
    // A KRaft node's storage is formatted once with a cluster id (22 characters of base64url). Given
    // as `--cluster-id=<id>`: an id starting with '-' (1 in 64) would read as an option after `-t`.
    const clusterId = crypto.randomBytes(16).toString('base64url')
    const format = spawnSync('java', ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', classpath, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', configFile], { encoding: 'utf8' })
    if (format.status !== 0) return { missing: `formatting the Kafka storage failed: ${(format.stderr || format.stdout).trim().split('\n').slice(-3).join(' ')}` }
  }
  const logFile = path.join(dataDir, 'broker.log')
  const jvm = [
    `-Xmx${heap}`,
    '-Xms64m',
    '-XX:+UseSerialGC',
    // Tests want a quick start on a busy machine more than the broker's peak throughput.
    ...(quickStart ? ['-XX:TieredStopAtLevel=1'] : []),
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dorg.slf4j.simpleLogger.logFile=${logFile}`,
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
  ]
  const broker = service('java', [...jvm, '-cp', classpath, 'kafka.Kafka', configFile], { stdio: ['ignore', 'ignore', 'inherit'] })
  let exited = null
  broker.exited.then((code) => (exited = code))
  const stop = () => broker.stop(30000)
  const brokers = `127.0.0.1:${port}`
  try {
    await createTopics(brokers, () => exited, 90000)
  } catch (error) {
    await stop()
    return { missing: `${exited === null ? error.message : `the broker exited (${exited})`}; see ${logFile}` }
  }
  log(`[kafka] Apache Kafka ${KAFKA_VERSION} ready at ${brokers} in ${((Date.now() - started) / 1000).toFixed(1)} s (topics: ${EVENT_TOPICS.length})`)
  return { env: { KAFKA_BROKERS: brokers }, stop, logFile }
}

/** Creates the platform's topics once the broker answers (existing ones are left as they are). */
async function createTopics(brokers, exitedCode, timeoutMs) {
  const { Kafka, logLevel } = createRequire(path.join(BACKEND, 'package.json'))('kafkajs')
  const kafka = new Kafka({ clientId: 'cc-stack', brokers: [brokers], logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } })
  const deadline = Date.now() + timeoutMs
  let lastError = null
  while (Date.now() < deadline && exitedCode() === null) {
    const admin = kafka.admin()
    try {
      await admin.connect()
      const existing = new Set(await admin.listTopics())
      const topics = EVENT_TOPICS.filter((t) => !existing.has(t)).map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 }))
      if (topics.length) await admin.createTopics({ topics, waitForLeaders: true, timeout: 15000 })
      return
    } catch (error) {
      lastError = error
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      await admin.disconnect().catch(() => {})
    }
  }
  throw new Error(`Kafka did not come up at ${brokers}${lastError ? ` (${lastError.message})` : ''}`)
}

/** True when something accepts connections on the loopback port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

/**
 * For each request kafkajs can send: its versions, the broker's, and the one they agree on. This is
 * how a Kafka upgrade is checked against the unmaintained kafkajs (it reads kafkajs's internals).
 */
export async function protocolVersions(address) {
  const require = createRequire(path.join(BACKEND, 'package.json'))
  const Broker = require('kafkajs/src/broker')
  const ConnectionPool = require('kafkajs/src/network/connectionPool')
  const socketFactory = require('kafkajs/src/network/socketFactory')
  const { createLogger, LEVELS } = require('kafkajs/src/loggers')
  const apiKeys = require('kafkajs/src/protocol/requests/apiKeys')
  const { requests } = require('kafkajs/src/protocol/requests')
  const [host, port] = address.split(':')
  const logger = createLogger({ level: LEVELS.NOTHING, logCreator: () => () => {} })
  const connectionPool = new ConnectionPool({ host, port: Number(port), logger, socketFactory: socketFactory(), connectionTimeout: 3000, requestTimeout: 10000, enforceRequestTimeout: true })
  const broker = new Broker({ connectionPool, logger })
  await broker.connect()
  try {
    return Object.entries(apiKeys).flatMap(([name, key]) => {
      const ours = (requests[name]?.versions ?? []).map(Number)
      if (!ours.length) return []
      const theirs = broker.versions[key]
      const agreed = theirs ? Math.min(Math.max(...ours), theirs.maxVersion) : -1
      const ok = theirs && agreed >= Math.max(Math.min(...ours), theirs.minVersion)
      return [{ name, kafkajs: [Math.min(...ours), Math.max(...ours)], broker: theirs ? [theirs.minVersion, theirs.maxVersion] : null, agreed: ok ? agreed : null }]
    })
  } finally {
    await broker.disconnect()
  }
}

const command = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) ? process.argv[2] : null
if (command === 'resolve') {
  const found = ensureKafkaJars()
  if (!found.libs) {
    console.error(`[kafka] ${found.missing}`)
    process.exit(1)
  }
  console.log(`[kafka] Apache Kafka ${KAFKA_VERSION} jars in ${found.libs}`)
} else if (command === 'versions') {
  // `node scripts/lib/kafka.mjs versions [host:port]` (default: the first of KAFKA_BROKERS).
  const rows = await protocolVersions(process.argv[3] ?? process.env.KAFKA_BROKERS?.split(',')[0] ?? '127.0.0.1:9092')
  const range = (r) => (r ? `v${r[0]}-v${r[1]}` : 'none')
  for (const row of rows) console.log(`${row.name.padEnd(28)} kafkajs ${range(row.kafkajs).padEnd(8)} broker ${range(row.broker).padEnd(8)} → ${row.agreed === null ? 'NO COMMON VERSION' : `v${row.agreed}`}`)
  process.exit(rows.some((row) => row.agreed === null) ? 1 : 0)
}
