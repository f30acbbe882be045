/** デジタル庁デザインシステムの「※必須」「※任意」. */
export function RequirementMark({ required }: { required: boolean }) {
  return required ? <span className="mark mark-required">※必須</span> : <span className="mark mark-optional">※任意</span>
}
