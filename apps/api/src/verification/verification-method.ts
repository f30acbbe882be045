// The methods are domain rules shared with the SPA and the staff schemas.
export {
  VERIFICATION_METHODS,
  VERIFICATION_METHOD_LABELS,
  availableMethods,
  isMethodAvailable,
  isVerificationMethod,
  type VerificationMethod,
} from '@kakunin/schema/verification-method'
