import { useOperator } from '#src/api/get-public-config.ts'

/**
 * Who runs this form and where to write, in every page's footer: the applicant is told who collects
 * their data (個人情報保護法21条). Both lines are there from the first render and keep their height
 * while the configuration loads, so the footer does not move when the names arrive.
 */
export function OperatorContact() {
  const operator = useOperator()
  return (
    <p className="operator-contact">
      <span>
        運営事業者：{operator && <a href={operator.url}>{operator.name}</a>}
      </span>
      <span>
        お問い合わせ先：{operator && <a href={`mailto:${operator.supportEmail}`}>{operator.supportEmail}</a>}
      </span>
    </p>
  )
}
