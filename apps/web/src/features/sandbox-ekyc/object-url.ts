import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A blob: URL for the photo being shown, so the <img> can show it without reading the file into a
 * data: URL. Each URL holds its file in memory until revoked: the previous one is revoked when
 * another is shown, and the last one when the component goes away.
 */
export function useObjectUrl() {
  const [url, setUrl] = useState<string>()
  const current = useRef<string>(undefined)

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current)
      current.current = undefined
    },
    [],
  )

  const show = useCallback((blob: Blob | undefined) => {
    if (current.current) URL.revokeObjectURL(current.current)
    current.current = blob && URL.createObjectURL(blob)
    setUrl(current.current)
  }, [])

  return [url, show] as const
}
