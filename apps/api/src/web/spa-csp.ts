import { createHash } from 'node:crypto'

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi

const hashesOf = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map(([, body]) => `'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`)

/**
 * The SPA's Content-Security-Policy, from the built index.html: scripts and styles only from this
 * origin, plus the hash of any inline <script>/<style> the build put into index.html (Vite's
 * build puts none today; a plugin that adds one keeps working without 'unsafe-inline').
 *
 * - img-src data: the QR code is a PNG data: URL drawn by the API; blob: the phone's preview of the
 *   photo just taken, an object URL of the chosen file (never sent anywhere by the URL).
 * - style-src 'self' without 'unsafe-inline': the styles are one built stylesheet; React's `style`
 *   props go through the CSSOM, which CSP does not govern, and no library injects <style>.
 * - connect-src 'self': the API is on the same origin (CORS_ORIGINS is for other callers).
 * - base-uri 'none', object-src 'none', frame-ancestors 'none': nothing may rebase the page's
 *   URLs, embed a plugin or frame the form (clickjacking over a 取引時確認).
 */
export function spaContentSecurityPolicy(indexHtml: string) {
  const scripts = hashesOf(indexHtml, INLINE_SCRIPT)
  const styles = hashesOf(indexHtml, INLINE_STYLE)
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    "script-src-attr 'none'",
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
