// pnpm test: every suite (unit, API integration, end-to-end), then one line summed over them all:
// "N passed, N failed, N skipped". Exits non-zero when anything failed, a suite did not report, or a
// suite ran no test.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-test-reports-'))

const vitest = (name, filter) => ({
  name,
  report: path.join(reports, `${filter.replace(/\W/g, '_')}.json`),
  command(report) {
    return ['pnpm', ['--filter', filter, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {}]
  },
  count: (json) => ({
    passed: json.numPassedTests,
    failed: json.numFailedTests + (json.success === false && json.numFailedTests === 0 ? 1 : 0),
    skipped: json.numPendingTests + json.numTodoTests,
  }),
})

const suites = [
  vitest('unit (packages/schema)', '@kakunin/schema'),
  vitest('component (apps/web)', '@kakunin/web'),
  vitest('API integration (apps/api)', '@kakunin/api'),
  {
    name: 'end-to-end (e2e, Chromium)',
    report: path.join(reports, 'e2e.json'),
    command(report) {
      return ['pnpm', ['--filter', '@kakunin/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: report }]
    },
    count: (json) => ({
      passed: json.stats.expected + json.stats.flaky,
      failed: json.stats.unexpected + (json.errors?.length ?? 0),
      skipped: json.stats.skipped,
    }),
  },
]

const total = { passed: 0, failed: 0, skipped: 0 }
const lines = []
for (const suite of suites) {
  console.log(`\n━━ ${suite.name} ━━`)
  const [command, args, env] = suite.command(suite.report)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  let counts
  try {
    counts = suite.count(JSON.parse(fs.readFileSync(suite.report, 'utf8')))
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 }
    lines.push(`${suite.name}: no report (exit code ${result.status ?? result.signal}); counted as 1 failure`)
  }
  // A suite that found nothing to run (a setup that failed quietly, a filter or path gone wrong) proves nothing.
  if (counts.passed + counts.failed + counts.skipped === 0) {
    counts.failed = 1
    lines.push(`${suite.name}: ran no test; counted as 1 failure`)
  } else if (result.status !== 0 && counts.failed === 0) {
    counts.failed = 1
    lines.push(`${suite.name}: exited with ${result.status ?? result.signal} although no test failed; counted as 1 failure`)
  }
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  for (const key of Object.keys(total)) total[key] += counts[key]
}
fs.rmSync(reports, { recursive: true, force: true })

console.log(`\n${lines.join('\n')}`)
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(total.failed > 0 ? 1 : 0)
