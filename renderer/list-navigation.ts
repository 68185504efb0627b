// Mouse and keyboard for a selectable list (the article results, the quote results): one implementation.

export interface ListNavigation {
  /** The list's option elements, in order. */
  options(): HTMLElement[];
  selectedIndex(): number;
  /** Selects the option at `index` (clamped by the caller's `select`); `scroll` false keeps the scroll. */
  select(index: number, scroll?: boolean): void;
  /** Opens the selected option. */
  open(): void;
}

/** Page Up / Page Down move this many options. */
const pageSize = 10;

/**
 * Wires `list`: a click on an option (an ancestor matching `optionSelector`) selects and opens it;
 * ↑ ↓ PgUp PgDn Home End move the selection; Enter or Space opens it.
 */
export function wireListNavigation(list: HTMLElement, optionSelector: string, nav: ListNavigation): void {
  list.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest<HTMLElement>(optionSelector) : null;
    const index = option === null ? -1 : nav.options().indexOf(option);
    if (index < 0) return;
    nav.select(index, false);
    nav.open();
  });

  list.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageSize, PageUp: -pageSize };
    const delta = moves[event.key];
    const selected = nav.selectedIndex();
    if (delta !== undefined) {
      event.preventDefault();
      nav.select(selected < 0 ? 0 : selected + delta);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      nav.select(event.key === 'Home' ? 0 : nav.options().length - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      nav.open();
    }
  });
}
