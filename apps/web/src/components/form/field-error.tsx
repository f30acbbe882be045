/** The message beside a field; inputs point at its id through aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">エラー：</span>
      {message}
    </p>
  )
}
