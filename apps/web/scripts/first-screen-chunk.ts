import path from 'node:path'
import type { Rollup } from 'vite'
import { indexModules, staticClosure } from './module-graph.ts'

/**
 * Keeps the first screen's JavaScript in few files. Left alone, Rollup splits the code the entry
 * page shares with other screens by which screens share it, so each new screen could cut the first
 * load into more (and worse-compressing) files. Here what the entry page loads statically, beyond
 * the index's own modules, is one chunk, `first-screen`; Rollup adds to it the libraries those
 * modules use (React, TanStack Query, wouter) that no other manual chunk claims. Other screens
 * import it: it is in the browser's cache after the first screen anyway.
 */
export function firstScreenChunk(entryPage: string): Rollup.GetManualChunk {
  const entryId = path.resolve(import.meta.dirname, '..', entryPage)
  let members: Set<string> | undefined

  return (id, meta) => {
    if (!members) {
      const inIndex = indexModules(meta)
      // The entry page stays a chunk of its own: it is the route's dynamic import.
      members = new Set([...staticClosure(entryId, meta)].filter((moduleId) => moduleId !== entryId && !inIndex.has(moduleId)))
    }
    return members.has(id) ? 'first-screen' : undefined
  }
}
