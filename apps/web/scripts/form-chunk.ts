import { moduleId, staticClosure, type ChunkName } from './module-graph.ts'

/**
 * The form's steps as one chunk, `form`: the step pages and everything they load statically that
 * no earlier chunk holds (react-hook-form, the fields, the step schemas). Left alone, Rolldown cuts
 * what the steps share into a dozen small files, and the first step opened waits for each of them
 * (a phone on a slow network pays a round trip per few files); the next steps then cost nothing.
 * `before` is the chunking that wins (the first screen's): what the steps share with the first
 * screen stays there.
 */
export function formChunk(indexEntry: string, stepPages: string[], before: ChunkName): ChunkName {
  let inForm: Set<string> | undefined

  return (id, context) => {
    const earlier = before(id, context)
    if (earlier) return earlier
    if (!inForm) {
      inForm = new Set<string>()
      for (const page of stepPages) staticClosure(moduleId(page), context, inForm)
    }
    return inForm.has(id) && id !== moduleId(indexEntry) ? 'form' : null
  }
}
