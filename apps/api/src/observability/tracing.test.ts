import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { tracingRequested } from './tracing-env.ts'

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface OtlpAttribute {
  key: string
  value: { stringValue?: string; intValue?: string | number }
}
interface OtlpSpan {
  name: string
  kind: number
  attributes: OtlpAttribute[]
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[]
}

const attribute = (attributes: OtlpAttribute[], key: string) => {
  const found = attributes.find((entry) => entry.key === key)?.value
  return found?.stringValue ?? found?.intValue
}

const cleanups: (() => void)[] = []
afterAll(() => {
  for (const cleanup of cleanups) cleanup()
})

describe('tracingRequested', () => {
  it('is off unless an OTLP endpoint is configured, and when the SDK or its trace exporter is switched off', () => {
    expect(tracingRequested({})).toBe(false)
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'kakunin' })).toBe(false)
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true)
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true)
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false)
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false)
  })
})

describe('OpenTelemetry tracing', () => {
  it('exports spans of a request, named by its route, with its queries, to the OTLP endpoint; no token in them', async () => {
    // A local OTLP/HTTP receiver (JSON encoding) standing in for a collector.
    const exports: { path: string; body: string }[] = []
    const receiver = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        exports.push({ path: request.url ?? '', body })
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => receiver.close())
    const endpoint = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-tracing-'))
    fs.chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as its own user and must enter it
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const server = spawn(process.execPath, ['src/server.ts'], {
      cwd: apiDir,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: '0',
        WEB_DIST_DIR: '/nonexistent',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'kakunin-tracing-test',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve))
    const port = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        const found = /running at http:\/\/[^:]+:(\d+)\//.exec(output)
        if (found) resolve(found[1]!)
      }
      server.stdout.on('data', read)
      server.stderr.on('data', read)
      void exited.then(() => reject(new Error(`the server stopped: ${output}`)))
    })

    const base = `http://127.0.0.1:${port}`
    const created = await fetch(`${base}/api/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"FIRST_TIME"}' })
    expect(created.status).toBe(201)
    const token = 'Zk3x9QpL2mN8vR4tY7wB1cD6fG0hJ5sA'
    expect((await fetch(`${base}/api/resume/${token}?email=taro%40example.com`)).status).toBe(404)
    server.kill('SIGTERM') // the shutdown flushes what is batched
    expect(await exited).toBe(0)

    const traces = exports.filter((entry) => entry.path === '/v1/traces')
    expect(traces.length).toBeGreaterThan(0)
    const bodies = traces.map((entry) => JSON.parse(entry.body) as OtlpExport)
    const resources = bodies.flatMap((body) => body.resourceSpans)
    expect(resources.map((resource) => attribute(resource.resource.attributes, 'service.name'))).toContain('kakunin-tracing-test')
    const spans = resources.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans))
    const create = spans.find((span) => span.name === 'POST /api/applications')
    expect(create && attribute(create.attributes, 'http.route')).toBe('/api/applications')
    expect(String(create && attribute(create.attributes, 'http.response.status_code'))).toBe('201')
    expect(spans.some((span) => attribute(span.attributes, 'db.system.name') === 'postgresql' || attribute(span.attributes, 'db.system') === 'postgresql')).toBe(true)
    const resume = spans.find((span) => span.name === 'GET /api/resume/:token')
    expect(resume && attribute(resume.attributes, 'url.path')).toBe('/api/resume/***')
    const everything = traces.map((entry) => entry.body).join('\n')
    expect(everything).not.toContain(token)
    expect(everything).not.toContain('taro')
  }, 90_000)
})
