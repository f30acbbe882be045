import { Fragment } from 'react'

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g

/** Plain text with its URLs as links (the mails' links are what the mailbox is for). */
export function LinkedText({ text }: { text: string }) {
  return (
    <pre className="mail-text">
      {text.split(URL_PATTERN).map((part, index) =>
        // split with a capturing group: odd indexes are the URLs.
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  )
}
