import path from 'node:path'
import type { Rollup } from 'vite'
import { indexModules, staticClosure } from './module-graph.ts'

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
  let graph: { inForm: Set<string>; inIndex: Set<string> } | undefined

  return (id, meta) => {
    const earlier = before(id, meta)
    if (earlier) return earlier
    if (!graph) {
      const inForm = new Set<string>()
      for (const root of roots) staticClosure(root, meta, inForm)
      graph = { inForm, inIndex: indexModules(meta) }
    }
    if (!graph.inForm.has(id)) return undefined
    return graph.inIndex.has(id) ? 'first-screen' : 'form'
  }
}
