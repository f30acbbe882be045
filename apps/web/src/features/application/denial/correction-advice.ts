/** The article's advice after a denial, as the form and the email put it. */
export const CORRECTION_ADVICE = 'フォームには、本人確認書類と同じ内容（字体を含む）をご記入ください。'
