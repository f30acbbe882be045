/**
 * Tracing is on only when an OTLP endpoint is configured, the standard way
 * (OTEL_EXPORTER_OTLP_ENDPOINT, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for traces alone), and not
 * switched off (OTEL_SDK_DISABLED=true, OTEL_TRACES_EXPORTER=none). Otherwise nothing of
 * OpenTelemetry is even loaded. This module imports nothing, so asking costs nothing.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false
  if (env.OTEL_TRACES_EXPORTER?.split(',').every((name) => name.trim() === 'none')) return false
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
}
