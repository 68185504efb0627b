// What a format parser produces: an article before the archive gives it its id and path.

import type { Article } from '../model.js';

export type ArticleDraft = Omit<Article, 'id' | 'path'>;
