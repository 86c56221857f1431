import type { AddressInfo } from 'node:net'
import app from '@adonisjs/core/services/app'
import WebSocket from 'ws'

/** A gateway message as a test reads it. */
export type Message = { type: string; channel?: string; seq?: number; code?: string; data?: any; event?: any }

/** The port of the test HTTP server the process's gateway is attached to. */
export async function appPort() {
  return ((await app.container.make('server')).getNodeServer()!.address() as AddressInfo).port
}

/** A WebSocket client of the gateway on `port` (the test server's by default) that keeps every message and can wait for one. */
export async function connect(token: string, port?: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port ?? (await appPort())}/ws?token=${encodeURIComponent(token)}`)
  const messages: Message[] = []
  const waiters: Array<() => void> = []
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()))
    waiters.splice(0).forEach((wake) => wake())
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  /** Waits for the first message that matches (or the `count`-th one). */
  const next = async (match: (m: Message) => boolean, ms = 5000, count = 1): Promise<Message> => {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      const found = messages.filter(match)
      if (found.length >= count) return found[count - 1]
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
    throw new Error(`no matching message; got ${JSON.stringify(messages)}`)
  }
  return { socket, messages, next, send: (m: object) => socket.send(JSON.stringify(m)), close: () => socket.close() }
}
