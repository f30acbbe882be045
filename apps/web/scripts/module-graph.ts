import type { Rolldown } from 'vite'

/** What a chunk-name function is given: the module graph, read-only. */
export type ModuleGraph = Rolldown.ChunkingContext

/** Names a module's chunk, or null to leave it to Rolldown's automatic chunking. */
export type ChunkName = (id: string, graph: ModuleGraph) => string | null

/** `id` and every module it imports statically, directly or not. */
export function staticClosure(id: string, graph: ModuleGraph, into = new Set<string>()): Set<string> {
  if (into.has(id)) return into
  into.add(id)
  for (const imported of graph.getModuleInfo(id)?.importedIds ?? []) staticClosure(imported, graph, into)
  return into
}

/** A path of this package as Rolldown names the module. */
export function moduleId(file: string): string {
  return new URL(`../${file}`, import.meta.url).pathname
}
