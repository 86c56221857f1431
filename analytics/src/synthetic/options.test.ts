import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { GenerateUsageError, LIMITS, parseGenerateArgs } from './options.ts'
import { Simulation } from './simulate.ts'

const TENANT = '--tenant=01a2288c-bc3a-7447-9710-7485bd8af180'
const TODAY = new Date('2026-03-10T12:00:00Z')
const parse = (args: string[], env: Record<string, string> = {}) => parseGenerateArgs([TENANT, '--calls=100', ...args], TODAY, env)
const uuids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID())

test('kafka mode takes its brokers from --brokers, else KAFKA_BROKERS, and refuses without any', () => {
  assert.deepEqual(parse(['--mode=kafka', '--brokers=127.0.0.1:9092, kafka-2:19092']).brokers, ['127.0.0.1:9092', 'kafka-2:19092'])
  assert.deepEqual(parse(['--mode=kafka'], { KAFKA_BROKERS: 'localhost:20000' }).brokers, ['localhost:20000'])
  assert.deepEqual(parse(['--mode=kafka', '--brokers=b:1'], { KAFKA_BROKERS: 'a:1' }).brokers, ['b:1'])
  assert.throws(() => parse(['--mode=kafka']), /--mode=kafka needs --brokers=host:port\[,host:port\] or KAFKA_BROKERS/)
  assert.throws(() => parse(['--mode=kafka', '--brokers=kafka']), /--brokers must be host:port/)
  assert.throws(() => parse(['--mode=events', '--brokers=a:1']), /--brokers is for --mode=kafka only/)
  assert.deepEqual(parse([], { KAFKA_BROKERS: 'a:1' }).brokers, [], 'the other modes ignore KAFKA_BROKERS')
  assert.throws(() => parseGenerateArgs([TENANT, '--calls=2000000', '--mode=kafka', '--brokers=a:1'], TODAY, {}), /--mode=kafka takes at most 1000000 calls; use --mode=direct/)
  assert.throws(() => parse(['--mode=bus']), /--mode must be events, direct or kafka/)
})

test('--queue-ids and --agent-ids set the counts and are lower-cased', () => {
  const queues = uuids(2)
  const agents = uuids(3)
  const options = parse([`--queue-ids=${queues.join(',').toUpperCase()}`, `--agent-ids=${agents.join(',')}`])
  assert.deepEqual([options.queueIds, options.queues, options.agentIds, options.agents], [queues, 2, agents, 3])
  assert.equal(parse([`--queue-ids=${queues.join(',')}`, '--queues=2']).queues, 2, 'a matching count is fine')
  assert.deepEqual([parse([]).queueIds, parse([]).agentIds], [[], []])
})

test('--queue-ids and --agent-ids refuse what is not a list of distinct uuids within the limits', () => {
  const [a, b] = uuids(2)
  const refusals: Array<[string[], RegExp]> = [
    [['--queue-ids=sales'], /--queue-ids: sales is not a uuid/],
    [[`--agent-ids=${a},x`], /--agent-ids: x is not a uuid/],
    [['--queue-ids='], /--queue-ids takes 1 to 50 comma-separated uuids/],
    [[`--queue-ids=${uuids(LIMITS.queues + 1).join(',')}`], /--queue-ids takes 1 to 50/],
    [[`--agent-ids=${a},${a.toUpperCase()}`], /--agent-ids: an id is given twice/],
    [[`--queue-ids=${a},${b}`, '--queues=3'], /--queues must match the 2 ids of --queue-ids/],
    [[`--agent-ids=${a}`, '--agents=2'], /--agents must match the 1 ids of --agent-ids/],
  ]
  for (const [args, message] of refusals) assert.throws(() => parse(args), (error) => error instanceof GenerateUsageError && message.test(error.message), args.join(' '))
})

test('the real ids replace the made-up ones and nothing else changes', () => {
  const queues = uuids(2)
  const agents = uuids(3)
  const made = new Simulation(parse(['--days=2', '--queues=2', '--agents=3']))
  const real = new Simulation(parse(['--days=2', `--queue-ids=${queues.join(',')}`, `--agent-ids=${agents.join(',')}`]))
  assert.deepEqual(real.queues.map((q) => q.id), queues)
  assert.deepEqual(real.agents.map((a) => a.id), agents)
  assert.deepEqual(real.queues.map((q) => q.share), made.queues.map((q) => q.share))
  assert.deepEqual(real.agents.map((a) => a.queue), made.agents.map((a) => a.queue))
  assert.equal(real.entryPointId, made.entryPointId, 'the id stream is not shifted')
})
