// The SPA build (apps/web/dist) and what it was built from. `pnpm build` always builds; `pnpm start`
// and `pnpm release` build only when the inputs changed since the last build: the SPA's and the
// shared schema package's files, the lockfile and the root configuration, and the VITE_* variables
// Vite reads. A SHA-256 over them is stamped beside the build (in
// apps/web/node_modules/.cache, never served) with the SHA-256 of the index.html it produced, so
// a dist/ rebuilt or deleted by any other command is noticed too.
//
//   node scripts/web-build.mjs               build now
//   node scripts/web-build.mjs --if-changed  build only when the inputs changed
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const webDir = path.join(repoRoot, 'apps/web')
export const distDir = path.join(webDir, 'dist')
const stampFile = path.join(webDir, 'node_modules/.cache/kakunin/dist-inputs.json')

const ROOT_FILES = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json']
/** Folders whose files go into the build: everything in them but what never reaches the bundle. */
const SOURCE_DIRS = ['apps/web', 'packages/schema', 'packages/api-client']
const SKIPPED_DIRS = new Set(['node_modules', 'dist'])
// Never in the bundle: the web benches, and the client's generated types (and the document they
// came from), which the SPA imports as types only.
const SKIPPED_PATHS = new Set(['apps/web/bench', 'packages/api-client/generated'])
const isTestOnly = (name) => /\.test\.[cm]?[jt]sx?$/.test(name) || /^vitest\.config\./.test(name)

function listFiles(dir) {
  const files = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(path.relative(repoRoot, full))) files.push(...listFiles(full))
    } else if (entry.isFile() && !isTestOnly(entry.name)) {
      files.push(full)
    }
  }
  return files
}

/** SHA-256 over every input's path and content, and the VITE_* variables the SPA may read. */
export function inputsDigest() {
  const hash = createHash('sha256')
  const files = [...ROOT_FILES.map((name) => path.join(repoRoot, name)), ...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(repoRoot, dir)))]
  for (const file of files.sort()) {
    hash.update(`${path.relative(repoRoot, file)}\0`)
    hash.update(fs.readFileSync(file))
    hash.update('\0')
  }
  const variables = Object.entries(process.env).filter(([name]) => name.startsWith('VITE_'))
  hash.update(JSON.stringify(variables.sort(([a], [b]) => a.localeCompare(b))))
  return hash.digest('hex')
}

function indexDigest() {
  const index = path.join(distDir, 'index.html')
  return fs.existsSync(index) ? createHash('sha256').update(fs.readFileSync(index)).digest('hex') : undefined
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'))
  } catch {
    return undefined
  }
}

/** Builds apps/web/dist with the package's own build script, then stamps what it was built from. */
export function buildWeb(inputs = inputsDigest()) {
  try {
    createRequire(path.join(webDir, 'package.json')).resolve('vite/package.json')
  } catch {
    throw new Error(
      'The SPA must be built, but Vite is not installed (a `pnpm install --prod` checkout?). Run `pnpm install`, or deploy the bundle `pnpm release` makes.',
    )
  }
  // Always a production build: Vite would take NODE_ENV from the environment (a test runner's
  // "test", a shell's "development") and build React's development code into the bundle.
  const { NODE_ENV: _ignored, ...env } = process.env
  const result = spawnSync('pnpm', ['--filter', '@kakunin/web', 'run', 'build'], { cwd: repoRoot, stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`the SPA build failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`})`)
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, `${JSON.stringify({ inputs, index: indexDigest(), builtAt: new Date().toISOString() }, null, 2)}\n`)
}

/** Builds only when dist/ is missing, was built from other inputs, or was replaced since the stamp. */
export function ensureWebBuild() {
  const inputs = inputsDigest()
  const stamp = readStamp()
  const index = indexDigest()
  if (stamp && index && stamp.inputs === inputs && stamp.index === index) {
    console.log(`SPA build is up to date (${path.relative(repoRoot, distDir)}, built ${stamp.builtAt})`)
    return false
  }
  console.log(index ? 'SPA sources changed since the last build: building it' : 'No SPA build yet: building it')
  buildWeb(inputs)
  return true
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--if-changed')) ensureWebBuild()
    else buildWeb()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
