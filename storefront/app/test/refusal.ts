/** What a form would show for a call that is refused (a thrown BackendError, or the backend unreachable). */
export async function refusalOf(call: Promise<unknown>) {
  const { toBackendFailure } = await import("~/lib/backend/backend.server");
  try {
    await call;
  } catch (error) {
    const failure = toBackendFailure(error);
    return { status: failure.status, errors: failure.fieldErrors, message: failure.message, code: failure.code, retryAfter: failure.retryAfter };
  }
  throw new Error("expected the call to be refused");
}
