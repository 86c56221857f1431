import fs from 'node:fs'
import path from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

test.group('Voice boundary', () => {
  test('nothing outside app/voice imports livekit-server-sdk', ({ assert }) => {
    const root = app.makePath()
    const voice = app.makePath('app', 'voice') + path.sep
    const offenders = ['app', 'start', 'providers', 'commands', 'database']
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) => !file.startsWith(voice))
      .filter((file) => /from ['"]livekit-server-sdk['"]|import\(['"]livekit-server-sdk['"]\)/.test(fs.readFileSync(file, 'utf8')))
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), [])
  })
})
