// The help form's draft store (src/components/disaster-help-form/drafts.ts): IndexedDB, expiry, memory fallback.
import {expect} from '@open-wc/testing';
import {fakeTimers} from '../lib/fake-timers.js';
import {DRAFT_TTL_MS, draftStore, loadDraft, resetDraftStore, type DraftStore} from '../../src/components/disaster-help-form/drafts.js';

describe('help form: drafts', () => {
  let store: DraftStore;
  before(async () => {
    store = await draftStore();
  });
  it('saves, reads and deletes in IndexedDB', async () => {
    expect(store.persistent).to.equal(true);
    await store.put('t:1', {id: 'x', step: 'person', answers: {a: '1'}, savedAt: Date.now()});
    expect((await loadDraft(store, 't:1'))?.answers).to.deep.equal({a: '1'});
    await store.delete('t:1');
    expect(await loadDraft(store, 't:1')).to.equal(undefined);
  });
  it('expires after 7 days (fake clock)', async () => {
    const clock = (await fakeTimers()).install({toFake: ['Date'], now: new Date('2026-04-01T00:00:00Z')});
    try {
      await store.put('t:2', {id: 'x', step: 'person', answers: {}, savedAt: Date.now()});
      clock.tick(DRAFT_TTL_MS - 1000);
      expect(await loadDraft(store, 't:2')).to.not.equal(undefined);
      clock.tick(2000);
      expect(await loadDraft(store, 't:2')).to.equal(undefined);
      expect(await store.get('t:2')).to.equal(undefined, 'an expired draft is deleted');
    } finally {
      clock.uninstall();
    }
  });
  it('falls back to memory without IndexedDB', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', {value: undefined, configurable: true});
    try {
      resetDraftStore();
      const memory = await draftStore();
      expect(memory.persistent).to.equal(false);
      await memory.put('m', {id: 'x', step: 'who', answers: {}, savedAt: Date.now()});
      expect((await memory.get('m'))?.step).to.equal('who');
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
      resetDraftStore();
    }
  });
});
