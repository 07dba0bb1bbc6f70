/**
 * Sending the form's request through the outbox, and cancelling a request that waits: what the
 * form does only once a resident (or the page's script) sends. It loads with the form's code
 * (form-code.ts); the request's state stays in SubmissionController.
 */
import type {SubmitResult} from '../../core/outbox/types.js';
import type {HelpRequest} from '../../core/help-request/types.js';
import {outbox, type SubmissionController} from './submission-controller.js';

/**
 * Saves the payload that `build` makes now in the outbox and sends it; shows and returns the
 * outcome. When another tab has sent or cancelled this request meanwhile, the answers go as a
 * new request, unless the page's script chose the id and submit() was called by a script
 * (`byScript`): then it rejects (RequestIdInUseError). A resident's press is never refused.
 */
export async function deliver(submission: SubmissionController, endpoint: string, build: () => HelpRequest, byScript: boolean): Promise<SubmitResult> {
  let payload = build();
  let result: SubmitResult;
  submission.sending = payload.id;
  try {
    const {submitHelpRequest} = await outbox();
    const send = () => submitHelpRequest(endpoint, payload as unknown as {id: string; mode: string});
    const strict = byScript && submission.given === submission.id;
    result = await send().catch((error: Error) => {
      if (error.name !== 'RequestIdInUseError' || strict) throw error;
      if (submission.given === submission.id) console.error(`${error.message}: sent under a new id`);
      return {id: payload.id, state: 'cancelled'};
    });
    if (result.state === 'cancelled' && !strict) {
      submission.startNew(undefined, new Date().toISOString());
      submission.sending = (payload = build()).id;
      result = await send();
    }
  } catch (error) {
    if ((error as Error).name === 'RequestIdInUseError') throw error;
    console.error('fukushi-widgets: the help request could not be saved or sent', error);
    result = {id: payload.id, state: 'failed'};
  } finally {
    submission.sending = undefined;
  }
  submission.apply(result);
  void submission.loadQueue();
  return result;
}

/** Cancels a waiting request; true when it was the form's own, which then starts again with a new id. */
export async function cancel(submission: SubmissionController, id: string): Promise<boolean> {
  const own = id === submission.id;
  await outbox()
    .then(({cancelOutboxEntry}) => cancelOutboxEntry(id))
    .catch(() => undefined);
  // The outbox's news of the cancel may have started the new request already.
  if (own && id === submission.id) submission.startNew();
  return own;
}
