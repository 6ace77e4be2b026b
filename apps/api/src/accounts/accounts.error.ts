export enum AccountsErrorCode {
  PlanLimit = 'plan-limit',
  UnknownTarget = 'unknown-target',
  BillingNotConfigured = 'billing-not-configured',
  BadSignature = 'bad-signature',
  NotSignedIn = 'not-signed-in',
  Forbidden = 'forbidden',
  BadInput = 'bad-input',
}

/** Errors of sign-in, plans, follows and billing; the web and API filters map the codes to statuses. */
export class AccountsError extends Error {
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}

export const ACCOUNTS_ERROR_STATUS: Record<AccountsErrorCode, number> = {
  [AccountsErrorCode.PlanLimit]: 409,
  [AccountsErrorCode.UnknownTarget]: 404,
  [AccountsErrorCode.BillingNotConfigured]: 503,
  [AccountsErrorCode.BadSignature]: 400,
  [AccountsErrorCode.NotSignedIn]: 401,
  [AccountsErrorCode.Forbidden]: 403,
  [AccountsErrorCode.BadInput]: 400,
};
