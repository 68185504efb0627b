// "Articles | Quotes | People" above the results: toggle buttons (`aria-pressed`) that choose what the results
// pane lists: the articles that match, the quotations that match, or the people quoted in them (issue 16).

export type ResultsView = 'articles' | 'quotes' | 'people';

export interface ViewSwitchElements {
  /** `button#view-articles`. */
  articles: HTMLButtonElement;
  /** `button#view-quotes`. */
  quotes: HTMLButtonElement;
  /** `button#view-people`. */
  people: HTMLButtonElement;
}

export interface ViewSwitch {
  readonly view: ResultsView;
  set(view: ResultsView): void;
}

/** `onChange` is told when the user picks the other view (not when `set` is called). */
export function createViewSwitch(elements: ViewSwitchElements, onChange: (view: ResultsView) => void): ViewSwitch {
  let view: ResultsView = 'articles';
  const buttons: Record<ResultsView, HTMLButtonElement> = { articles: elements.articles, quotes: elements.quotes, people: elements.people };

  const set = (next: ResultsView): void => {
    view = next;
    for (const [name, button] of Object.entries(buttons)) button.setAttribute('aria-pressed', String(name === next));
  };

  for (const [name, button] of Object.entries(buttons) as Array<[ResultsView, HTMLButtonElement]>) {
    button.addEventListener('click', () => {
      if (view === name) return;
      set(name);
      onChange(name);
    });
  }
  set('articles');

  return {
    get view() {
      return view;
    },
    set,
  };
}
