// The time a query may spend confirming candidates (phrase checks) before it answers with what it has, so
// that one pathological query ("a 2", `a^2`: every article is a candidate) never holds up an engine (issue 14).

/**
 * Default budget. An engine is one thread: a search sent while another runs waits for it, so the budget is
 * also the longest another search is held up (issue 14's target: 100 ms). Ordinary queries spend far less
 * on confirming: the bench's phrases take a few ms at 10x BBC.
 */
export const queryBudgetMs = 100;

/** The clock is read once per this many checks: a phrase check is microseconds, reading the clock is not free. */
const checksPerClockRead = 8;

/** A deadline for one query's costly checks; once spent, it stays spent. */
export class QueryBudget {
  private readonly deadline: number;
  private checks = 0;
  private over = false;

  /** `ms` from now; 0 allows one slice of checks only (tests use it to force the notice). */
  constructor(
    readonly ms: number = queryBudgetMs,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + ms;
  }

  /** True once the deadline has passed: the caller stops checking and keeps what it has confirmed. */
  spent(): boolean {
    if (this.over) return true;
    this.checks += 1;
    if (this.checks % checksPerClockRead === 0 && this.now() >= this.deadline) this.over = true;
    return this.over;
  }

  /** The notice for the reply when the budget ran out, else undefined. */
  get notice(): string | undefined {
    return this.over ? `Stopped after ${this.ms} ms: results may be incomplete.` : undefined;
  }
}
