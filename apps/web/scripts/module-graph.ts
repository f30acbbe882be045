import type { Rollup } from 'vite'

/** `id` and every module it imports statically, directly or not. */
export function staticClosure(id: string, meta: Rollup.ManualChunkMeta, into = new Set<string>()): Set<string> {
  if (into.has(id)) return into
  into.add(id)
  for (const imported of meta.getModuleInfo(id)?.importedIds ?? []) staticClosure(imported, meta, into)
  return into
}

/** What the index loads statically: the entry modules and their static imports. */
export function indexModules(meta: Rollup.ManualChunkMeta): Set<string> {
  const inIndex = new Set<string>()
  for (const moduleId of meta.getModuleIds()) {
    if (meta.getModuleInfo(moduleId)?.isEntry) staticClosure(moduleId, meta, inIndex)
  }
  return inIndex
}
