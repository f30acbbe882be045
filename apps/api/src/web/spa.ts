import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { sendNotFound } from '#src/http/error-handler.ts'
import { spaContentSecurityPolicy } from './spa-csp.ts'

/**
 * Serves the built SPA from the same origin as the API. Unknown paths that a browser navigates to
 * get index.html (client-side routes); anything else gets the JSON 404. In production the source
 * maps are not served (the build makes none; an old dist/ may still hold some).
 */
export async function spa(app: FastifyInstance, { distDir, production }: { distDir: string; production: boolean }) {
  const indexFile = path.join(distDir, 'index.html')
  const contentSecurityPolicy = spaContentSecurityPolicy(fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : '')
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    allowedPath: (pathName) => !(production && pathName.endsWith('.map')),
    setHeaders(reply, filePath) {
      // Vite puts a content hash in every asset name under assets/; index.html must be revalidated.
      const immutable = filePath.startsWith(path.join(distDir, 'assets') + path.sep)
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      reply.header('Content-Security-Policy', contentSecurityPolicy)
    },
  })
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && request.headers.accept?.includes('text/html')
    if (!wantsPage || request.url.startsWith('/api/') || path.extname(request.url.split('?')[0] ?? '') !== '') {
      return sendNotFound(request, reply)
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html')
  })
}
