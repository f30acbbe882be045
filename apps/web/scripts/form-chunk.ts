import path from 'node:path'
import type { Rollup } from 'vite'

/**
 * The form's steps as one chunk, `form`: the step pages and everything they load statically that
 * no earlier chunk holds (react-hook-form, the fields, the step schemas). Left alone, Rollup cuts
 * what the steps share into a dozen small files, and the first step opened waits for each of them
 * (a phone on a slow network pays a round trip per few files); the next steps then cost nothing.
 * `before` is the manual chunking that wins (the first screen's). What the steps share with the
 * index goes to the first screen's chunk, loaded with the index anyway: Rollup moves a manual
 * chunk's unclaimed dependencies into it, so left unclaimed they would make the index import `form`.
 */
export function formChunk(stepPages: string[], before: Rollup.GetManualChunk): Rollup.GetManualChunk {
  const roots = stepPages.map((page) => path.resolve(import.meta.dirname, '..', page))
  let members: Set<string> | undefined
  let shared: Set<string> | undefined

  function staticClosure(id: string, meta: Rollup.ManualChunkMeta, into: Set<string>): Set<string> {
    if (into.has(id)) return into
    into.add(id)
    for (const imported of meta.getModuleInfo(id)?.importedIds ?? []) staticClosure(imported, meta, into)
    return into
  }

  return (id, meta) => {
    const earlier = before(id, meta)
    if (earlier) return earlier
    if (!members) {
      const inIndex = new Set<string>()
      for (const moduleId of meta.getModuleIds()) {
        if (meta.getModuleInfo(moduleId)?.isEntry) staticClosure(moduleId, meta, inIndex)
      }
      const inForm = new Set<string>()
      for (const root of roots) staticClosure(root, meta, inForm)
      members = new Set([...inForm].filter((moduleId) => !inIndex.has(moduleId)))
      shared = new Set([...inForm].filter((moduleId) => inIndex.has(moduleId)))
    }
    if (shared?.has(id)) return 'first-screen'
    return members.has(id) ? 'form' : undefined
  }
}
