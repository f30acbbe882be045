import { moduleId, staticClosure, type ChunkName } from './module-graph.ts'

/**
 * Keeps the first screen's JavaScript in few files. Left alone, Rolldown splits the code the entry
 * page shares with other screens by which screens share it, so each new screen could cut the first
 * load into more (and worse-compressing) files. Here everything the index and the entry page load
 * statically (React, TanStack Query, wouter, the shared components) is one chunk, `first-screen`. Other screens import it: it is in the
 * browser's cache after the first screen anyway.
 */
export function firstScreenChunk(indexEntry: string, entryPage: string): ChunkName {
  const entryId = moduleId(entryPage)
  let members: Set<string> | undefined

  return (id, graph) => {
    if (!members) {
      const indexId = moduleId(indexEntry)
      const loaded = staticClosure(entryId, graph, staticClosure(indexId, graph))
      // The index module stays the entry chunk, and the entry page a chunk of its own: it is the
      // route's dynamic import.
      members = new Set([...loaded].filter((member) => member !== entryId && member !== indexId))
    }
    return members.has(id) ? 'first-screen' : null
  }
}
