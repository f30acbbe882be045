// Preloaded with `node --import` before the entry point: Node compiles every module, and strips
// the types of every .ts one, on each start, and its compile cache (in the temporary directory, or
// NODE_COMPILE_CACHE) keeps the result on disk. It applies only to modules loaded after this call,
// hence a preload rather than a line in server.ts, whose imports load before its first line runs.
import module from 'node:module'

module.enableCompileCache()
