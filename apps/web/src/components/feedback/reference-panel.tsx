/** The 受付番号, as every screen after submission shows it (for an inquiry). */
export function ReferencePanel({ reference }: { reference: string }) {
  return (
    <div className="panel">
      <p>受付番号</p>
      <p className="reference" data-testid="reference">
        {reference}
      </p>
    </div>
  )
}
