// The IPC wrapper over the real core: the sample archive, searched and opened through verbatim: channels.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleView, Result, SearchReply } from '../../main/contract/api.js';
import { createApiHandlers } from '../../main/transport/api-handlers.js';
import { startLibrary } from '../../main/core/library.js';
import { createIpcListener } from '../../main/shell/ipc.js';

const content = path.resolve(import.meta.dirname, '../../content');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'verbatim-ipc-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const handlers = createApiHandlers(startLibrary({ archiveDir: content, cacheDir }));
const mainFrame = { url: 'app://verbatim/index.html', origin: 'app://verbatim', parent: null, frameTreeNodeId: 1 };
const event = { senderFrame: { ...mainFrame, top: mainFrame } } as unknown as IpcMainInvokeEvent;

describe('IPC over the real library on content/', () => {
  it('searches and opens an article through the verbatim: channels', async () => {
    const search = (await createIpcListener('search', handlers)(event, { query: 'Putin Trump Alaska' })) as Result<SearchReply>;
    if (!search.ok) throw new Error(`search failed: ${search.error.message}`);
    const first = search.value.hits[0];
    expect(first?.path).toBe('kazinform-putin-trump-alaska.txt');

    const opened = (await createIpcListener('article', handlers)(event, { id: first?.id, query: 'Putin Trump Alaska' })) as Result<ArticleView>;
    if (!opened.ok) throw new Error(`article failed: ${opened.error.message}`);
    expect(opened.value.quotes.map((q) => q.speaker)).toContain('Kazbek Maigeldinov');
  }, 60_000);

  it('still refuses a subframe, whatever the library holds', async () => {
    const subframe = { senderFrame: { ...mainFrame, parent: mainFrame, top: mainFrame, frameTreeNodeId: 2 } } as unknown as IpcMainInvokeEvent;
    expect(await createIpcListener('search', handlers)(subframe, { query: 'Putin' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
