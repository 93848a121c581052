import type { IncomingHttpHeaders } from 'node:http';
import { WaitList } from './wait-list.ts';

/** One Web API call the fake received, with what it answered. */
export interface RecordedCall {
  /** 1-based, in order of arrival. */
  seq: number;
  method: string;
  /** Decoded parameters (JSON-encoded fields such as `blocks` parsed). */
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Token from `Authorization: Bearer` or the `token` parameter. */
  token: string | undefined;
  /** Epoch ms when the request arrived. */
  at: number;
  /** HTTP status answered (set when the answer is sent). */
  status?: number;
  /** JSON body answered (set when the answer is sent). */
  response?: Record<string, unknown>;
  /** Which injected fault, if any, produced the answer. */
  fault?: string;
}

export type CallPredicate = (call: RecordedCall) => boolean;

/** The log of Web API calls, with waiting helpers. */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly done = new WaitList<RecordedCall>();
  private seq = 0;

  /** Records an arriving call; call `complete` once it has been answered. */
  start(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    this.seq += 1;
    const recorded: RecordedCall = { seq: this.seq, ...call };
    this.calls.push(recorded);
    return recorded;
  }

  complete(
    call: RecordedCall,
    status: number,
    response: Record<string, unknown> | undefined,
    fault?: string,
  ): void {
    call.status = status;
    if (response) call.response = response;
    if (fault) call.fault = fault;
    this.done.notify(call);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first answered call to `method` matching `predicate`, including calls
   * already made (use `reset()` or a predicate on `seq`/`at` to ignore earlier ones).
   */
  waitForCall(
    method: string,
    predicate: CallPredicate = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const match = (c: RecordedCall) => c.method === method && c.status !== undefined && predicate(c);
    return this.done.wait(this.calls, match, timeoutMs, `a call to ${method}`);
  }

  reset(): void {
    this.calls.length = 0;
  }
}
