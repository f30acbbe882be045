import fs from 'node:fs'
import { e2e } from './environment.ts'

export default function teardown() {
  if (e2e.dataDir) fs.rmSync(e2e.dataDir, { recursive: true, force: true })
}
