/** Failures of a whole sync request (as opposed to one mutation's refusal, which is an outcome). */
export class SyncRequestError extends Error {
  constructor(
    readonly statusCode: 403 | 409 | 503,
    readonly code: 'client_of_another_user' | 'not_a_workstation_user' | 'database_unavailable',
    message: string,
  ) {
    super(message);
  }
}
