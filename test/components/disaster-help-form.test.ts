import {expect, fixture, html} from '@open-wc/testing';
import '../../src/components/disaster-help-form/define.js';
import type {FukushiDisasterHelpForm, HelpFormResult} from '../../src/components/disaster-help-form/disaster-help-form.js';
import type {FormDefinition} from '../../src/core/help-request/form-definition.js';
import {REGISTER_EXAMPLE, URGENT_EXAMPLE} from '../../src/core/help-request/schema.js';
import type {HelpRequest} from '../../src/core/help-request/types.js';
import {cancelOutboxEntry, listOutbox} from '../../src/core/outbox/outbox.js';
import {setFurigana, setLocale} from '../../src/core/prefs/api.js';
import {BROKEN_TOWN_URL, DATASET_URL, FORM_URL, resetPage, settled, telLinks, visibleText, withBuiltinDatasetDown} from './lib/helpers.js';
import {draftStore, resetDraftStore} from '../../src/components/disaster-help-form/drafts.js';
import {fakeTimers} from '../lib/fake-timers.js';

type El = FukushiDisasterHelpForm;
const ENDPOINT = '/api/test-help-requests';
let serial = 0;

// ---- a stubbed receiver -------------------------------------------------------------------
type Reply = (body: Record<string, unknown>) => Response | Promise<Response>;
let reply: Reply = () => json(201, {receipt: 'NT-TEST-1'});
const posts: Array<{key: string | null; body: Record<string, unknown>}> = [];
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.includes(ENDPOINT)) return realFetch(input, init);
  const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
  posts.push({key: new Headers(init?.headers).get('Idempotency-Key'), body});
  return reply(body);
};

// ---- helpers ------------------------------------------------------------------------------
const root = (el: El) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: El, sel: string) => root(el).querySelector<T & HTMLElement>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: El, sel: string) => [...root(el).querySelectorAll<T & HTMLElement>(sel)];
const text = (el: El) => visibleText($(el, '.root'));
const tick = () => new Promise((r) => setTimeout(r, 0));

async function mount(attrs: {mode?: string; endpoint?: string | null; src?: string; formSrc?: string; id?: string; level?: number} = {}) {
  const el = await fixture<El>(html`<fukushi-disaster-help-form
    id=${attrs.id ?? `t${++serial}-${Date.now()}`}
    mode=${attrs.mode ?? 'register'}
    endpoint=${attrs.endpoint === null ? '' : (attrs.endpoint ?? ENDPOINT)}
    src=${attrs.src ?? DATASET_URL}
    form-src=${attrs.formSrc ?? FORM_URL}
    heading-level=${attrs.level ?? 2}
  ></fukushi-disaster-help-form>`);
  if (attrs.endpoint === null) el.removeAttribute('endpoint');
  await settled(el);
  return el;
}

async function update(el: El) {
  await el.updateComplete;
  await el.updateComplete;
}

/** Types into a field as a person does: input events, then change when leaving it. */
async function type(el: El, name: string, value: string) {
  const input = $<HTMLInputElement>(el, `[name="${name}"]`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await update(el);
}

async function choose(el: El, name: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]${value && el ? '' : ''}`);
  if (control instanceof HTMLSelectElement) {
    control.value = value;
    control.dispatchEvent(new Event('change', {bubbles: true}));
  } else {
    $<HTMLInputElement>(el, `[name="${name}"][value="${value}"]`).click();
  }
  await update(el);
}

async function next(el: El) {
  $(el, 'button[type=submit]').click();
  await update(el);
}

const heading = (el: El) => $(el, '.step-h').textContent!.trim();
const describedIds = (control: Element) => (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);

async function clearOutbox() {
  for (const e of await listOutbox()) if (e.state === 'queued' || e.state === 'sending') await cancelOutboxEntry(e.id).catch(() => undefined);
}

const STEPS: string[] = ['eligibility', 'who', 'person', 'address', 'contact', 'household', 'reasons', 'needs', 'emergency', 'supporters', 'shelter', 'consent', 'check'];

describe('<fukushi-disaster-help-form> register', () => {
  beforeEach(async () => {
    await resetPage();
    reply = () => json(201, {receipt: 'NT-TEST-1'});
    posts.length = 0;
  });
  afterEach(clearOutbox);

  it('shows the first question at the chosen heading level, and is accessible', async () => {
    const el = await mount({level: 3});
    expect($(el, '.step-h').localName).to.equal('h3');
    expect(heading(el)).to.equal('登録する方について');
    expect($$(el, '[name="eligibility.criteria"]')).to.have.length(9);
    await expect(el).to.be.accessible();
  });

  it('every step: visible labels with ※必須/※任意, no placeholders, no disabled or read-only fields, accessible', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    for (const step of STEPS) {
      el.step = step;
      await update(el);
      for (const control of $$<HTMLInputElement>(el, 'input, select, textarea')) {
        expect(control.labels?.length, `${step}: ${control.name} has a label`).to.be.greaterThan(0);
        expect(control.hasAttribute('placeholder'), 'no placeholder').to.equal(false);
        expect(control.disabled || control.hasAttribute("readonly"), "never disabled or read-only").to.equal(false);
      }
      for (const f of $$(el, '.field')) {
        const caption = f.querySelector(':scope > label, :scope > legend')!;
        expect(caption, `${step}: caption`).to.not.equal(null);
        const badge = caption.querySelector('.badge')?.textContent ?? f.closest('.group')?.querySelector('legend .badge')?.textContent;
        expect(badge, `${step}: ${caption.textContent} has 必須 or 任意`).to.match(/※(必須|任意)/);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('autocomplete tokens: the resident\'s own data when they fill it in, none for someone else\'s', async () => {
    const el = await mount();
    const ac = (name: string) => $(el, `[name="${name}"]`).getAttribute('autocomplete');
    el.data = {...REGISTER_EXAMPLE, filled_by: 'self'} as HelpRequest;
    el.step = 'person';
    await update(el);
    expect(ac('person.name')).to.equal('name');
    expect(ac('person.name_kana')).to.equal(null);
    expect(['year', 'month', 'day'].map((p) => ac(`person.birth_date.${p}`))).to.deep.equal(['bday-year', 'bday-month', 'bday-day']);
    el.step = 'address';
    await update(el);
    expect([ac('address.town_id'), ac('address.banchi'), ac('address.building')]).to.deep.equal(['address-level3', 'address-line1', 'address-line2']);
    el.step = 'contact';
    await update(el);
    expect(['phone', 'mobile', 'fax', 'email'].map((k) => ac(`contact.${k}`))).to.deep.equal(['home tel-national', 'mobile tel-national', 'fax tel-national', 'email']);
    expect($(el, '[name="contact.phone"]').getAttribute('type')).to.equal('tel');
    expect($(el, '[name="contact.email"]').getAttribute('type')).to.equal('email');
    // A proxy's browser would fill in the proxy's own details: only the proxy's fields get tokens.
    el.data = REGISTER_EXAMPLE;
    el.step = 'who';
    await update(el);
    expect([ac('proxy.name'), ac('proxy.phone')]).to.deep.equal(['name', 'tel-national']);
    el.step = 'person';
    await update(el);
    expect(ac('person.name')).to.equal(null);
    expect(ac('person.birth_date.year')).to.equal('off');
    el.step = 'contact';
    await update(el);
    expect(ac('contact.phone')).to.equal(null);
  });

  it('consent: one unticked checkbox per recipient group, the disclaimer and the privacy notice with the city\'s number', async () => {
    const el = await mount();
    el.step = 'consent';
    await update(el);
    const boxes = $$<HTMLInputElement>(el, '[name="consent"]');
    expect(boxes.map((b) => b.labels![0]!.textContent!.trim())).to.deep.equal([
      '市の関係部署', '警察署', '消防（消防署・消防団）', '民生委員・児童委員', '防災市民組織・自治会', '社会福祉協議会', '地域包括支援センター',
    ]);
    expect(boxes.every((b) => b.type === 'checkbox' && !b.checked)).to.equal(true);
    expect(text(el)).to.contain('登録は、災害時の支援を必ず約束するものではありません。');
    expect(text(el)).to.contain('この端末から消す');
    expect($(el, '.city-contact a[href^="tel:"]').getAttribute('href')).to.equal('tel:0424641311');
    expect(el.data.mode === 'register' && Object.values(el.data.consent).every((v) => v === false)).to.equal(true);
    await choose(el, 'consent', 'police');
    expect(el.data.mode === 'register' && el.data.consent.police).to.equal(true);
    expect(el.data.mode === 'register' && el.data.consent.fire).to.equal(false);
  });

  it('errors: the summary takes focus, links focus each field, inline messages carry 「エラー：」, the title is prefixed and restored', async () => {
    document.title = 'テストページ';
    const el = await mount();
    el.data = {...REGISTER_EXAMPLE, filled_by: 'self'} as HelpRequest;
    el.step = 'person';
    await update(el);
    await type(el, 'person.name', '');
    await type(el, 'person.name_kana', 'Taro');
    await type(el, 'person.birth_date.month', '');
    await next(el);
    expect(heading(el)).to.equal('ご本人のこと', 'stays on the step');
    const summary = $(el, '.error-summary');
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.querySelector('[role=alert]')).to.not.equal(null);
    expect(summary.querySelector('h2')!.textContent!.trim()).to.equal('入力内容を確認してください');
    const links = [...summary.querySelectorAll('a')];
    const messages = ['氏名を入力してください', 'フリガナは、カタカナかひらがなで入力してください', '生年月日は、実際にある日付を入力してください'];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(messages);
    // The same words beside each field, after a visually hidden prefix.
    const inline = $$(el, '.error-message');
    expect(inline.map((p) => visibleText(p))).to.deep.equal(messages);
    expect(inline.every((p) => p.querySelector('.visually-hidden')!.textContent === 'エラー：')).to.equal(true);
    expect(document.title).to.equal('エラー：テストページ');
    // Links go to the field (the date: its first missing part).
    links[0]!.click();
    expect(root(el).activeElement).to.equal($(el, '[name="person.name"]'));
    links[2]!.click();
    expect(root(el).activeElement).to.equal($(el, '[name="person.birth_date.month"]'));
    // aria-describedby resolves inside the shadow root; error first (DADS), then hint.
    const name = $(el, '[name="person.name"]');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(describedIds(name)).to.deep.equal(['f-person-name-error']);
    const kana = $(el, '[name="person.name_kana"]');
    expect(describedIds(kana)).to.deep.equal(['f-person-name_kana-error', 'f-person-name_kana-hint']);
    for (const id of describedIds(kana)) expect(root(el).getElementById(id)).to.not.equal(null);
    const dateGroup = $(el, '[name="person.birth_date.year"]').closest('fieldset')!;
    expect(describedIds(dateGroup).every((id) => root(el).getElementById(id))).to.equal(true);
    await expect(el).to.be.accessible();
    // Fixed: no summary, the title restored, focus on the next step's heading.
    await type(el, 'person.name', '西東京 太郎');
    await type(el, 'person.name_kana', 'にしとうきょう　たろう');
    await type(el, 'person.birth_date.month', '4');
    await next(el);
    expect(root(el).querySelector('.error-summary')).to.equal(null);
    expect(document.title).to.equal('テストページ');
    expect(heading(el)).to.equal('住所');
    expect(root(el).activeElement).to.equal($(el, '.step-h'));
  });

  it('the title is restored when the element is removed with errors showing', async () => {
    document.title = 'ページ';
    const el = await mount();
    await next(el);
    expect(document.title).to.equal('エラー：ページ');
    el.remove();
    expect(document.title).to.equal('ページ');
  });

  it('normalises answers when leaving a field: full-width digits, dashes, spaces, hiragana フリガナ, 和暦', async () => {
    const el = await mount();
    el.step = 'person';
    await update(el);
    await type(el, 'person.name_kana', 'にしとうきょう たろう');
    expect($<HTMLInputElement>(el, '[name="person.name_kana"]').value).to.equal('ニシトウキョウ　タロウ');
    await type(el, 'person.birth_date.year', '昭和２５');
    expect($<HTMLInputElement>(el, '[name="person.birth_date.year"]').value).to.equal('1950');
    el.step = 'contact';
    await update(el);
    await type(el, 'contact.phone', '０４２ー４６４ー１３１１');
    expect($<HTMLInputElement>(el, '[name="contact.phone"]').value).to.equal('042-464-1311');
    await type(el, 'contact.mobile', '090 1234 5678');
    expect(el.data.mode === 'register' && el.data.contact).to.include({phone: '042-464-1311', mobile: '090-1234-5678'});
  });

  it('IME: a composition is never rewritten, and Enter that confirms it does not continue', async () => {
    const el = await mount();
    el.step = 'person';
    await update(el);
    const input = $<HTMLInputElement>(el, '[name="person.name_kana"]');
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
    input.value = 'にしとう';
    input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await update(el);
    expect(input.value).to.equal('にしとう', 'not rewritten while composing');
    for (const init of [{key: 'Enter', isComposing: true}, {key: 'Enter', keyCode: 229}]) {
      const enter = new KeyboardEvent('keydown', {...init, bubbles: true, cancelable: true});
      input.dispatchEvent(enter);
      expect(enter.defaultPrevented, JSON.stringify(init)).to.equal(true);
    }
    input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true}));
    const plainEnter = new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true});
    input.dispatchEvent(plainEnter);
    expect(plainEnter.defaultPrevented).to.equal(false);
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await update(el);
    expect(input.value).to.equal('ニシトウ', 'normalised once the composition ended');
    // A submit (implicit, by Enter) during a composition does nothing.
    input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await update(el);
    expect(root(el).querySelector('.error-summary')).to.equal(null);
    expect(heading(el)).to.equal('ご本人のこと');
  });

  it('walks the steps, moves focus to each new heading, and the back link keeps every answer', async () => {
    const el = await mount();
    await choose(el, 'eligibility.criteria', 'elderly_household');
    await next(el);
    expect(heading(el)).to.equal('入力する人');
    expect(root(el).activeElement).to.equal($(el, '.step-h'));
    await choose(el, 'filled_by', 'self');
    await next(el);
    await type(el, 'person.name', '西東京 太郎');
    $(el, '.back').click();
    await update(el);
    expect(heading(el)).to.equal('入力する人');
    expect($<HTMLInputElement>(el, '[name="filled_by"][value="self"]').checked).to.equal(true);
    $(el, '.back').click();
    await update(el);
    expect($<HTMLInputElement>(el, '[name="eligibility.criteria"][value="elderly_household"]').checked).to.equal(true);
    await next(el);
    await next(el);
    expect($<HTMLInputElement>(el, '[name="person.name"]').value).to.equal('西東京 太郎');
  });

  it('tells residents who meet criteria ア–エ that the city lists them (申請方式ではありません), and lets them go on', async () => {
    const el = await mount();
    await choose(el, 'eligibility.criteria', 'physical_certificate');
    await next(el);
    expect(heading(el)).to.equal('市が名簿に載せる方です');
    expect(text(el)).to.contain('申請方式ではありません');
    expect(text(el)).to.contain('緊急連絡先');
    await next(el);
    expect(heading(el)).to.equal('入力する人');
  });

  it('address: 丁目 from the dataset for the chosen town, the postal code shown, a new town clears the 丁目', async () => {
    const el = await mount();
    el.step = 'address';
    await update(el);
    expect($$(el, '[name="address.town_id"] option').length).to.equal(23);
    await choose(el, 'address.town_id', 'town-minamicho');
    expect($$<HTMLOptionElement>(el, '[name="address.chome"] option').map((o) => o.value)).to.deep.equal(['', '1', '2', '3', '4', '5', '6']);
    expect(visibleText($(el, '.postal'))).to.contain('〒188-0012');
    await choose(el, 'address.chome', '5');
    await choose(el, 'address.town_id', 'town-yatocho');
    expect($<HTMLSelectElement>(el, '[name="address.chome"]').value).to.equal('');
    expect($$(el, '[name="address.chome"] option').length).to.equal(4);
    expect(visibleText($(el, '.postal'))).to.contain('〒188-0001');
  });

  it('shelter: the chosen town\'s shelters, welfare shelters with who they take in', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    el.step = 'shelter';
    await update(el);
    const labels = $$(el, '[name="preferred_shelter_id"]').map((i) => visibleText((i as HTMLInputElement).labels![0]!));
    expect(labels[0]).to.equal('希望しない・わからない');
    expect(labels.some((l) => l.startsWith('柳沢小学校'))).to.equal(true);
    expect(labels.some((l) => l.includes('福祉避難所') && l.includes('高齢者'))).to.equal(true);
    expect($<HTMLInputElement>(el, '[value="E1322900056111"]').checked).to.equal(true);
  });

  it('check answers: every step with a change link; a change returns to the check page', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    el.step = 'check';
    await update(el);
    const sections = $$(el, '.answers');
    expect(sections.map((s) => s.querySelector('h3')!.textContent!.trim())).to.deep.equal([
      '登録する方について', '入力する人', 'ご本人のこと', '住所', '連絡先', '世帯', '支援が必要な理由', '避難のときに必要なこと', '緊急連絡先', '避難を手伝う人', '避難先の希望', '情報を渡すことへの同意',
    ]);
    expect(text(el)).to.contain('1948年4月1日');
    expect(text(el)).to.contain('南町');
    expect(text(el)).to.contain('柳沢小学校');
    const change = sections[3]!.querySelector('button')!;
    expect(visibleText(change)).to.equal('変更');
    expect(change.textContent).to.contain('住所');
    change.click();
    await update(el);
    expect(heading(el)).to.equal('住所');
    await type(el, 'address.banchi', '７－８');
    await next(el);
    expect(heading(el)).to.equal('入力した内容の確認');
    expect(text(el)).to.contain('7-8');
  });

  it('data: the payload round-trips, and is what gets posted', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    expect(el.data).to.deep.equal(REGISTER_EXAMPLE);
    const urgent = await mount({mode: 'urgent'});
    urgent.data = URGENT_EXAMPLE;
    expect({...urgent.data, locale: URGENT_EXAMPLE.locale}).to.deep.equal(URGENT_EXAMPLE);
  });

  it('submit(): delivered → the receipt and what happens next, fukushi-submitted (bubbling, composed), the draft cleared', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    el.step = 'check';
    await update(el);
    const events: CustomEvent[] = [];
    document.addEventListener('fukushi-submitted', (e) => events.push(e as CustomEvent), {once: true});
    const result = await el.submit();
    await update(el);
    expect(result).to.include({id: REGISTER_EXAMPLE.id, state: 'delivered', receipt: 'NT-TEST-1'});
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({id: REGISTER_EXAMPLE.id, receipt: 'NT-TEST-1'});
    expect(events[0]!.composed && events[0]!.bubbles).to.equal(true);
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.equal(REGISTER_EXAMPLE.id);
    expect(posts[0]!.body).to.deep.equal({...REGISTER_EXAMPLE});
    expect(text(el)).to.contain('受け付けました');
    expect(text(el)).to.contain('NT-TEST-1');
    expect(text(el)).to.contain('登録した内容を変えるときや、取り消すときは');
    expect(root(el).activeElement).to.equal($(el, '.status'));
    // Submitting again shows the same receipt and posts nothing.
    expect((await el.submit()).receipt).to.equal('NT-TEST-1');
    expect(posts).to.have.length(1);
    // The same form after a reload (removed first: a second form on the page has a draft of its own).
    el.remove();
    const again = await mount({id: el.id});
    expect(again.data.mode === 'register' && again.data.person).to.equal(undefined, 'the draft was cleared');
  });

  it('submit() called before the element is on the page waits for it and its data', async () => {
    const el = document.createElement('fukushi-disaster-help-form');
    el.id = `early-${Date.now()}`;
    el.endpoint = ENDPOINT;
    el.src = DATASET_URL;
    el.formSrc = FORM_URL;
    el.data = {...REGISTER_EXAMPLE, id: crypto.randomUUID()};
    const pending = el.submit();
    document.body.append(el);
    try {
      expect((await pending).state).to.equal('delivered');
      await el.ready;
      expect(text(el)).to.contain('NT-TEST-1');
    } finally {
      el.remove();
    }
  });

  it('submit() twice at once (a double click) posts one request under one id', async () => {
    const el = await mount();
    el.data = {...REGISTER_EXAMPLE, id: crypto.randomUUID()};
    const [a, b] = await Promise.all([el.submit(), el.submit()]);
    expect(a).to.equal(b);
    expect(posts).to.have.length(1);
  });

  it('queued: never success; 「送信待ち」, the phone number, fukushi-queued, and the queue with a cancel button', async () => {
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    const el = await mount();
    const id = crypto.randomUUID();
    el.data = {...REGISTER_EXAMPLE, id};
    const queued: CustomEvent[] = [];
    el.addEventListener('fukushi-queued', (e) => queued.push(e));
    const result = await el.submit();
    await update(el);
    await tick();
    await update(el);
    expect(result.state).to.equal('queued');
    expect(queued.map((e) => e.detail)).to.deep.equal([{id}]);
    expect(text(el)).to.contain('送信待ち（この端末に保存しました。つながったら自動で送ります）');
    expect(text(el)).to.not.contain('受け付けました');
    expect($(el, '.city-contact a').getAttribute('href')).to.equal('tel:0424641311');
    const item = $$(el, '.queue li').find((li) => li.textContent!.includes('要援護者の登録'))!;
    expect(item).to.not.equal(undefined);
    // A retry of the same request reuses the id.
    await el.submit();
    expect(new Set(posts.map((p) => p.key))).to.deep.equal(new Set([id]));
    // Cancel it: back to the form, answers kept, a new id for the next try.
    item.querySelector('button')!.click();
    for (let i = 0; i < 20 && root(el).querySelector('.status'); i++) await new Promise((r) => setTimeout(r, 50));
    await update(el);
    expect(root(el).querySelector('.status')).to.equal(null);
    expect(el.data.id).to.not.equal(id);
    expect(el.data.mode === 'register' && el.data.person.name).to.equal(REGISTER_EXAMPLE.person.name);
    expect((await listOutbox()).find((e) => e.id === id)?.state).to.equal('cancelled');
  });

  it('after a reload, a request still waiting is shown as waiting, not as a form to send again', async () => {
    reply = () => Promise.reject(new TypeError('offline'));
    const id = `reload-${Date.now()}`;
    let el = await mount({id});
    el.data = {...REGISTER_EXAMPLE, id: crypto.randomUUID()};
    expect((await el.submit()).state).to.equal('queued');
    el.remove();
    el = await mount({id});
    expect(text(el)).to.contain('送信待ち（この端末に保存しました。つながったら自動で送ります）');
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('a queued request delivered later (network back) shows the receipt', async () => {
    reply = () => Promise.reject(new TypeError('offline'));
    const el = await mount();
    const id = crypto.randomUUID();
    el.data = {...REGISTER_EXAMPLE, id};
    const submitted = new Promise<CustomEvent>((resolve) => el.addEventListener('fukushi-submitted', resolve as EventListener, {once: true}));
    await el.submit();
    reply = () => json(201, {receipt: 'NT-LATER'});
    window.dispatchEvent(new Event('online'));
    expect((await submitted).detail).to.deep.equal({id, receipt: 'NT-LATER'});
    await update(el);
    expect(text(el)).to.contain('NT-LATER');
  });

  it('rejected: back to the named field with the receiver\'s message', async () => {
    reply = () => json(422, {errors: [{field: 'emergency_contacts.0.phone', message: 'この番号にはつながりません'}]});
    const el = await mount();
    el.data = {...REGISTER_EXAMPLE, id: crypto.randomUUID()};
    const errors: CustomEvent[] = [];
    el.addEventListener('fukushi-error', (e) => errors.push(e));
    const result = await el.submit();
    await update(el);
    expect(result.state).to.equal('rejected');
    expect(heading(el)).to.equal('緊急連絡先');
    expect($$(el, '.error-summary a').map((a) => a.textContent!.trim())).to.deep.equal(['この番号にはつながりません']);
    expect(visibleText($(el, '#f-emergency_contacts-0-phone-error'))).to.equal('この番号にはつながりません');
    expect(errors[0]!.detail.errors).to.deep.equal([{field: 'emergency_contacts.0.phone', message: 'この番号にはつながりません'}]);
    // Continue goes back to the check page.
    await next(el);
    expect(heading(el)).to.equal('入力した内容の確認');
  });

  it('failed (415): the phone numbers and fukushi-error with a reason', async () => {
    reply = () => json(415, {});
    const el = await mount();
    el.data = {...REGISTER_EXAMPLE, id: crypto.randomUUID()};
    const errors: CustomEvent[] = [];
    el.addEventListener('fukushi-error', (e) => errors.push(e));
    expect((await el.submit()).state).to.equal('failed');
    await update(el);
    expect(text(el)).to.contain('このフォームでは送れませんでした。電話で連絡してください。');
    expect(errors[0]!.detail.reason).to.equal('failed');
  });

  it('submit() with missing answers: the first step with problems, fukushi-error with every error, nothing posted', async () => {
    const el = await mount();
    const errors: CustomEvent[] = [];
    el.addEventListener('fukushi-error', (e) => errors.push(e));
    const result: HelpFormResult = await el.submit();
    await update(el);
    expect(result.state).to.equal('invalid');
    expect(heading(el)).to.equal('登録する方について');
    expect(root(el).activeElement).to.equal($(el, '.error-summary'));
    expect(errors[0]!.detail.errors!.map((e: {field: string}) => e.field)).to.include.members(['eligibility.criteria', 'person.name', 'address.town_id', 'emergency_contacts.0.name']);
    expect(posts).to.have.length(0);
  });

  it('drafts: saved while typing, restored with the step after the element is re-created, separate per mode, deleted after confirmation', async () => {
    const id = `draft-${Date.now()}`;
    let el = await mount({id});
    await choose(el, 'eligibility.criteria', 'other');
    await next(el);
    await choose(el, 'filled_by', 'proxy');
    await type(el, 'proxy.name', '西東京 花子');
    expect(text(el)).to.contain('入力した内容は、この端末に保存されています');
    const draftId = el.data.id;
    await new Promise((r) => setTimeout(r, 600));
    el.remove();
    el = await mount({id});
    expect(heading(el)).to.equal('入力する人');
    expect($<HTMLInputElement>(el, '[name="proxy.name"]').value).to.equal('西東京 花子');
    expect(el.data.id).to.equal(draftId, 'the submission id is kept for retries');
    const urgent = await mount({id, mode: 'urgent'});
    expect(urgent.data.mode === 'urgent' && urgent.data.situation).to.equal(undefined);
    // Delete, with a confirmation step.
    $(el, '.forget').click();
    await update(el);
    expect(root(el).activeElement).to.equal($(el, '.confirm'));
    [...root(el).querySelectorAll('.draft button')].find((b) => b.textContent!.trim() === '消さない')!.dispatchEvent(new MouseEvent('click'));
    await update(el);
    expect($<HTMLInputElement>(el, '[name="proxy.name"]').value).to.equal('西東京 花子');
    $(el, '.forget').click();
    await update(el);
    [...root(el).querySelectorAll('.draft button')].find((b) => b.textContent!.trim() === '消す')!.dispatchEvent(new MouseEvent('click'));
    await new Promise((r) => setTimeout(r, 100));
    await update(el);
    expect(heading(el)).to.equal('登録する方について');
    expect(el.data.id).to.not.equal(draftId);
    el.remove();
    el = await mount({id});
    expect(heading(el)).to.equal('登録する方について');
    expect($$<HTMLInputElement>(el, 'input:checked')).to.have.length(0);
  });
});

describe('<fukushi-disaster-help-form> a request id belongs to one request', () => {
  beforeEach(async () => {
    await resetPage();
    reply = () => json(201, {receipt: 'NT-TEST-1'});
    posts.length = 0;
  });
  afterEach(clearOutbox);

  /** The urgent example as a page's script sets a new request: no id (the form gives one). */
  const request = (details: string): HelpRequest => ({...URGENT_EXAMPLE, id: '', details});
  /** Receipts NT-ONE-1, NT-ONE-2 … in the order the receiver stores requests. */
  const numbered = () => {
    let n = 0;
    return () => json(201, {receipt: `NT-ONE-${++n}`});
  };
  const newRequestButton = (el: El) => $(el, 'button.new-request');
  const waitFor = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await check(), what).to.equal(true);
  };

  it('after a receipt, 新しい依頼を入力する (ja, easy Japanese with furigana, English) opens an empty form with a new id, and sends that request with a receipt of its own', async () => {
    reply = numbered();
    const el = await mount({mode: 'urgent'});
    el.data = request('一つ目');
    const first = await el.submit();
    await update(el);
    expect(first.receipt).to.equal('NT-ONE-1');
    expect(visibleText(newRequestButton(el))).to.equal('新しい依頼を入力する');
    await setLocale('ja-x-easy');
    setFurigana(true);
    await update(el);
    expect(visibleText(newRequestButton(el))).to.equal('新しく 書く');
    expect([...newRequestButton(el).querySelectorAll('rt')].map((rt) => rt.textContent)).to.deep.equal(['あたら', 'か']);
    await expect(el).to.be.accessible();
    await setLocale('en');
    await update(el);
    expect(visibleText(newRequestButton(el))).to.equal('Start a new request');
    await setLocale('ja');
    await update(el);
    newRequestButton(el).click();
    await update(el);
    expect(root(el).querySelector('.status')).to.equal(null);
    expect(root(el).activeElement).to.equal($(el, '.step-h'));
    expect($$<HTMLInputElement>(el, 'input:checked')).to.have.length(0);
    expect(el.data.id).to.not.equal(first.id);
    await choose(el, 'situation', 'supplies');
    await choose(el, 'urgency', 'today');
    await choose(el, 'location.town_id', 'town-yagisawa');
    await choose(el, 'people.who', 'self');
    await type(el, 'people.count', '1');
    await choose(el, 'contact.method', 'phone');
    await type(el, 'contact.phone', '090-0000-0000');
    const second = el.data.id;
    await next(el);
    await waitFor(() => !!root(el).querySelector('.status'), 'the receipt shows');
    expect(text(el)).to.contain('NT-ONE-2');
    expect(posts.map((p) => p.key)).to.deep.equal([first.id, second]);
    expect(posts.map((p) => p.body.situation)).to.deep.equal([URGENT_EXAMPLE.situation, ['supplies']]);
  });

  it('data set after a receipt is a new request, even with the sent id in it: submit() sends it and never answers with the earlier receipt', async () => {
    reply = numbered();
    const el = await mount({mode: 'urgent'});
    el.data = request('一つ目');
    const first = await el.submit();
    el.data = {...el.data, details: '二つ目'} as HelpRequest;
    expect(el.data.id).to.not.equal(first.id);
    await update(el);
    expect(root(el).querySelector('.status')).to.equal(null, 'the form, not the earlier receipt');
    const second = await el.submit();
    expect(second).to.include({state: 'delivered', receipt: 'NT-ONE-2'});
    expect(posts.map((p) => [p.key, p.body.details])).to.deep.equal([[first.id, '一つ目'], [second.id, '二つ目']]);
  });

  it('data set while the request waits is a new request; the waiting one stays listed and is sent on its own', async () => {
    reply = () => Promise.reject(new TypeError('offline'));
    const el = await mount({mode: 'urgent'});
    el.data = request('待っている依頼');
    const waiting = await el.submit();
    expect(waiting.state).to.equal('queued');
    el.data = request('新しい依頼');
    await update(el);
    expect(root(el).querySelector('.status')).to.equal(null);
    const queued = await el.submit();
    expect(queued.state).to.equal('queued');
    expect(queued.id).to.not.equal(waiting.id);
    await update(el);
    expect($$(el, '.queue li')).to.have.length(2);
    reply = (body) => json(201, {receipt: body.details === '新しい依頼' ? 'NT-NEW' : 'NT-WAITING'});
    window.dispatchEvent(new Event('online'));
    const delivered = async () => (await listOutbox()).filter((e) => [waiting.id, queued.id].includes(e.id) && e.state === 'delivered').length === 2;
    await waitFor(delivered, 'both requests delivered');
    await update(el);
    const sent = new Map(posts.map((p) => [p.key, p.body.details]));
    expect([sent.get(waiting.id), sent.get(queued.id)]).to.deep.equal(['待っている依頼', '新しい依頼']);
    expect(text(el)).to.contain('NT-NEW');
    expect(text(el)).to.not.contain('NT-WAITING');
  });

  it('submit() and then data at once: the first request goes as it was, the new answers as a request of their own', async () => {
    reply = numbered();
    const el = await mount({mode: 'urgent'});
    el.data = request('一つ目');
    const first = el.submit();
    el.data = request('二つ目');
    const second = el.submit();
    const [a, b] = await Promise.all([first, second]);
    expect(a.id).to.not.equal(b.id);
    expect(a.receipt).to.not.equal(b.receipt);
    expect(posts.map((p) => [p.key, p.body.details])).to.have.deep.members([[a.id, '一つ目'], [b.id, '二つ目']]);
    await update(el);
    expect(text(el)).to.contain(b.receipt!);
    expect(text(el)).to.not.contain(a.receipt!);
  });

  it('before the form has loaded, submit() and then data: the earlier submit() rejects (RequestChangedError) and sends nothing; the new data goes as its own request', async () => {
    reply = numbered();
    const el = document.createElement('fukushi-disaster-help-form');
    el.id = `early-twice-${Date.now()}`;
    el.mode = 'urgent';
    el.endpoint = ENDPOINT;
    el.src = DATASET_URL;
    el.formSrc = FORM_URL;
    el.data = request('一つ目');
    const first = el.submit();
    const firstId = el.data.id;
    el.data = request('二つ目');
    const second = el.submit();
    document.body.append(el);
    try {
      let error: Error | undefined;
      await first.catch((e: Error) => (error = e));
      expect(error?.name).to.equal('RequestChangedError');
      expect(error?.message).to.contain('await submit()');
      const result = await second;
      expect(result).to.include({state: 'delivered', receipt: 'NT-ONE-1'});
      expect(result.id).to.not.equal(firstId);
      expect(posts.map((p) => [p.key, p.body.details])).to.deep.equal([[result.id, '二つ目']]);
      await el.ready;
      expect(text(el)).to.contain('NT-ONE-1');
    } finally {
      el.remove();
    }
  });

  it('two forms without ids on one page keep their own drafts (#2 for the second) and send their own requests', async () => {
    const store = await draftStore();
    await Promise.all(['urgent:', 'urgent:#2'].map((key) => store.delete(key)));
    reply = numbered();
    let forms = [await mount({mode: 'urgent', id: ''}), await mount({mode: 'urgent', id: ''})];
    const ids = forms.map((f) => f.data.id);
    expect(ids[0]).to.not.equal(ids[1]);
    await type(forms[0]!, 'location.landmark', 'フォームA');
    await type(forms[1]!, 'location.landmark', 'フォームB');
    await new Promise((r) => setTimeout(r, 600));
    forms.forEach((f) => f.remove());
    forms = [await mount({mode: 'urgent', id: ''}), await mount({mode: 'urgent', id: ''})];
    expect(forms.map((f) => $<HTMLInputElement>(f, '[name="location.landmark"]').value)).to.deep.equal(['フォームA', 'フォームB']);
    expect(forms.map((f) => f.data.id)).to.deep.equal(ids);
    forms[0]!.data = request('A');
    forms[1]!.data = request('B');
    const results = await Promise.all(forms.map((f) => f.submit()));
    expect(results.map((r) => r.id)).to.deep.equal(ids);
    expect(new Set(results.map((r) => r.receipt)).size).to.equal(2);
    expect(posts.map((p) => [p.key, p.body.details])).to.have.deep.members([[ids[0], 'A'], [ids[1], 'B']]);
    await Promise.all(['urgent:', 'urgent:#2'].map((key) => store.delete(key)));
  });

  it('an id set through data that another request holds: submit() rejects with a clear error and posts nothing; the same request again gets its receipt', async () => {
    const el = await mount({mode: 'urgent'});
    const id = crypto.randomUUID();
    el.data = {...URGENT_EXAMPLE, id};
    expect((await el.submit()).receipt).to.equal('NT-TEST-1');
    const other = await mount({mode: 'urgent'});
    other.data = {...URGENT_EXAMPLE, id, details: '別の内容'};
    let error: Error | undefined;
    await other.submit().catch((e: Error) => (error = e));
    expect(error?.name).to.equal('RequestIdInUseError');
    expect(error?.message).to.contain(id).and.contain('new id');
    const same = await mount({mode: 'urgent'});
    same.data = {...URGENT_EXAMPLE, id};
    expect(await same.submit()).to.include({id, state: 'delivered', receipt: 'NT-TEST-1'});
    expect(posts).to.have.length(1);
    // The resident presses 送信する on the refused form: never refused, the answers go under a new id.
    reply = () => json(201, {receipt: 'NT-RESIDENT'});
    await update(other);
    $<HTMLFormElement>(other, 'form').requestSubmit();
    await waitFor(() => root(other).querySelector('.status .receipt')?.textContent === 'NT-RESIDENT', 'the receipt of the resident\'s request');
    expect(posts).to.have.length(2);
    expect(posts[1]!.body).to.include({details: '別の内容'});
    expect(posts[1]!.key).to.equal(posts[1]!.body.id);
    expect(posts[1]!.key).to.not.equal(id);
  });

  it('a waiting request cancelled elsewhere (another tab): the answers stay, with a new id and a new created_at', async () => {
    reply = () => Promise.reject(new TypeError('offline'));
    const el = await mount({mode: 'urgent'});
    el.data = request('取り消される依頼');
    const first = await el.submit();
    expect(first.state).to.equal('queued');
    await cancelOutboxEntry(first.id);
    await waitFor(() => !root(el).querySelector('.status'), 'the form again');
    expect(el.data.id).to.not.equal(first.id);
    expect(el.data.created_at).to.not.equal(URGENT_EXAMPLE.created_at);
    expect(el.data.mode === 'urgent' && el.data.details).to.equal('取り消される依頼');
    reply = () => json(201, {receipt: 'NT-AGAIN'});
    const again = await el.submit();
    expect(again).to.include({state: 'delivered', receipt: 'NT-AGAIN'});
    expect(again.id).to.not.equal(first.id);
  });

  it('a failed request is final: back to the form, or after a reload, its answers go as a new request', async () => {
    reply = () => json(415, {});
    const el = await mount({mode: 'urgent'});
    el.data = request('送れなかった依頼');
    const failed = await el.submit();
    expect(failed.state).to.equal('failed');
    await update(el);
    [...root(el).querySelectorAll('.button')].find((b) => b.textContent!.includes('入力画面に戻る'))!.dispatchEvent(new MouseEvent('click'));
    await update(el);
    expect(el.data.id).to.not.equal(failed.id);
    expect(el.data.mode === 'urgent' && el.data.details).to.equal('送れなかった依頼');

    const id = `failed-${Date.now()}`;
    let reloaded = await mount({mode: 'urgent', id});
    reloaded.data = request('閉じる前に送れなかった依頼');
    const lost = await reloaded.submit();
    expect(lost.state).to.equal('failed');
    reloaded.remove();
    reloaded = await mount({mode: 'urgent', id});
    expect(root(reloaded).querySelector('.status')).to.equal(null);
    expect(reloaded.data.id).to.not.equal(lost.id);
    expect(reloaded.data.mode === 'urgent' && reloaded.data.details).to.equal('閉じる前に送れなかった依頼');
  });

  it('each mode has a request of its own: switching mode starts one (new id and created_at), and switching back shows the waiting one', async () => {
    reply = () => Promise.reject(new TypeError('offline'));
    const el = await mount({mode: 'urgent', id: `modes-${Date.now()}`});
    el.data = request('待っている依頼');
    const queued = await el.submit();
    const switchTo = async (mode: 'register' | 'urgent') => {
      el.mode = mode;
      await el.updateComplete;
      await el.ready;
      await update(el);
    };
    await switchTo('register');
    expect(root(el).querySelector('.status')).to.equal(null);
    expect(heading(el)).to.equal('登録する方について');
    expect(el.data.id).to.not.equal(queued.id);
    expect(el.data.created_at).to.not.equal(URGENT_EXAMPLE.created_at);
    await switchTo('urgent');
    expect(text(el)).to.contain('送信待ち（この端末に保存しました。つながったら自動で送ります）');
    expect(el.data.id).to.equal(queued.id);
  });
});

describe('<fukushi-disaster-help-form> drafts over time and without storage', () => {
  beforeEach(() => resetPage());

  it('a draft older than 7 days is not restored (fake clock)', async () => {
    const clock = (await fakeTimers()).install({toFake: ['Date'], now: Date.now()});
    try {
      const id = `expiry-${Date.now()}`;
      let el = await mount({id});
      await choose(el, 'eligibility.criteria', 'other');
      await next(el);
      await new Promise((r) => setTimeout(r, 600));
      el.remove();
      clock.tick(6 * 864e5);
      el = await mount({id});
      expect(heading(el)).to.equal('入力する人', 'kept for 6 days');
      el.remove();
      clock.tick(864e5 + 1000);
      el = await mount({id});
      expect(heading(el)).to.equal('登録する方について');
      expect($$<HTMLInputElement>(el, 'input:checked')).to.have.length(0);
    } finally {
      clock.uninstall();
    }
  });

  it('shows the form within a second when the device storage never answers', async () => {
    resetDraftStore({persistent: true, get: () => new Promise(() => {}), put: async () => {}, delete: async () => {}});
    try {
      const el = await fixture<El>(html`<fukushi-disaster-help-form
        id=${`t${++serial}-${Date.now()}`} mode="register" endpoint=${ENDPOINT} src=${DATASET_URL} form-src=${FORM_URL}
      ></fukushi-disaster-help-form>`);
      await new Promise((r) => setTimeout(r, 1200));
      await el.updateComplete;
      expect(text(el)).not.to.contain('読み込んでいます');
      expect($$(el, 'input[name="eligibility.criteria"]').length).to.be.greaterThan(0);
    } finally {
      resetDraftStore();
    }
  });

  it('without IndexedDB (private mode): says so and keeps the answers in memory', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', {value: undefined, configurable: true});
    resetDraftStore();
    try {
      const el = await mount();
      await choose(el, 'eligibility.criteria', 'other');
      expect(text(el)).to.contain('この端末には保存できません（プライベートモードなど）');
      await next(el);
      $(el, '.back').click();
      await update(el);
      expect($<HTMLInputElement>(el, '[value="other"]').checked).to.equal(true);
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
      resetDraftStore();
    }
  });
});

describe('<fukushi-disaster-help-form> urgent', () => {
  beforeEach(async () => {
    await resetPage();
    reply = () => json(201, {receipt: 'NT-URGENT-1'});
    posts.length = 0;
  });
  afterEach(clearOutbox);

  it('one screen, accessible, with 119 and 110 first when a life is at risk', async () => {
    const el = await mount({mode: 'urgent'});
    expect(heading(el)).to.equal('いま助けが必要なとき');
    expect(root(el).querySelector('.emergency')).to.equal(null);
    await expect(el).to.be.accessible();
    await choose(el, 'situation', 'trapped');
    const box = $(el, '.emergency');
    expect(box).to.not.equal(null);
    expect(box.compareDocumentPosition($(el, 'form')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0, 'above the form');
    expect([...box.querySelectorAll('a.phone')].map((a) => a.getAttribute('href'))).to.deep.equal(['tel:119', 'tel:110']);
    expect(visibleText(box)).to.contain('このフォームを使わずに');
    await choose(el, 'situation', 'trapped');
    expect(root(el).querySelector('.emergency')).to.equal(null);
    await choose(el, 'urgency', 'life_threatening');
    expect(root(el).querySelector('.emergency')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('nearest shelters: the town\'s, then by device location with distances (geolocation is optional)', async () => {
    const el = await mount({mode: 'urgent'});
    expect(root(el).querySelector('.nearest')).to.equal(null);
    await choose(el, 'location.town_id', 'town-yagisawa');
    const names = () => $$(el, '.nearest li .shelter-name').map((n) => visibleText(n));
    expect(names().length).to.be.greaterThan(0);
    expect(names()).to.include('柳沢中学校');
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {getCurrentPosition: (ok: PositionCallback) => ok({coords: {latitude: 35.7255, longitude: 139.5383, accuracy: 12.4}} as GeolocationPosition)},
    });
    try {
      [...root(el).querySelectorAll('.geo button')][0]!.dispatchEvent(new MouseEvent('click'));
      await update(el);
      expect(text(el)).to.contain('誤差 約12m');
      expect($$(el, '.nearest li').every((li) => /約\d+m/.test(li.textContent!))).to.equal(true);
      const data = el.data;
      expect(data.mode === 'urgent' && data.location.geo).to.deep.equal({latitude: 35.7255, longitude: 139.5383, accuracy_m: 12});
      [...root(el).querySelectorAll('.geo button')][0]!.dispatchEvent(new MouseEvent('click'));
      await update(el);
      expect(el.data.mode === 'urgent' && el.data.location.geo).to.equal(undefined);
    } finally {
      delete (navigator as {geolocation?: unknown}).geolocation;
      Object.defineProperty(Navigator.prototype, 'geolocation', original);
    }
  });

  it('errors on send, then delivered with the receipt and 119/110 advice', async () => {
    const el = await mount({mode: 'urgent'});
    await next(el);
    expect($$(el, '.error-summary a')).to.have.length(6);
    expect(root(el).activeElement).to.equal($(el, '.error-summary'));
    $$<HTMLAnchorElement>(el, '.error-summary a')[2]!.click();
    expect(root(el).activeElement).to.equal($(el, '[name="location.town_id"]'));
    await choose(el, 'situation', 'supplies');
    await choose(el, 'urgency', 'today');
    await choose(el, 'location.town_id', 'town-yagisawa');
    await choose(el, 'people.who', 'self');
    await type(el, 'people.count', '２');
    await choose(el, 'contact.method', 'phone');
    await type(el, 'contact.phone', '０９０ー０００ー００００');
    await next(el);
    for (let i = 0; i < 20 && !root(el).querySelector('.status'); i++) await new Promise((r) => setTimeout(r, 50));
    await update(el);
    expect(text(el)).to.contain('NT-URGENT-1');
    expect(text(el)).to.contain('119番か110番');
    expect(posts[0]!.body).to.include({mode: 'urgent', urgency: 'today'});
    expect(posts[0]!.body.people).to.deep.equal({who: 'self', count: 2});
    expect(posts[0]!.body.contact).to.deep.equal({method: 'phone', phone: '090-000-0000'});
  });

  it('queued: 「送信待ち」 with 119, 110 and the city\'s number', async () => {
    reply = () => json(503, {});
    const el = await mount({mode: 'urgent'});
    el.data = {...URGENT_EXAMPLE, id: crypto.randomUUID()};
    expect((await el.submit()).state).to.equal('queued');
    await update(el);
    expect(text(el)).to.contain('送信待ち（この端末に保存しました。つながったら自動で送ります）');
    expect($$(el, 'a.phone').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:119', 'tel:110', 'tel:0424641311']);
  });
});

describe('<fukushi-disaster-help-form> without endpoint or data', () => {
  beforeEach(() => resetPage());

  it('no endpoint: residents get phone numbers (and 119/110 in urgent mode), editors a console message', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const el = await mount({endpoint: null});
      expect(root(el).querySelector('form')).to.equal(null);
      expect($$(el, 'a.phone').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:0424641311']);
      const urgent = await mount({endpoint: null, mode: 'urgent'});
      expect($$(urgent, 'a.phone').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:119', 'tel:110', 'tel:0424641311']);
      const result = await urgent.submit();
      expect(result.state).to.equal('failed');
      await expect(urgent).to.be.accessible();
    } finally {
      console.error = original;
    }
    expect(String(logged.find((l) => String(l).includes('endpoint')))).to.contain('endpoint="');
  });

  it("a partner's dataset that cannot be used: 119/110 first in urgent mode, its own number if sound, never the city's", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const missing = await mount({mode: 'urgent', src: '/test/fixtures-not-there/broken.json'});
      expect(root(missing).querySelector('form')).to.equal(null);
      expect(telLinks(missing)).to.deep.equal(['tel:119', 'tel:110']);
      expect(visibleText($(missing, '[part="error"]'))).to.contain('もう一度読み込む');
      await expect(missing).to.be.accessible();
      const broken = await mount({mode: 'urgent', src: BROKEN_TOWN_URL});
      expect(telLinks(broken)).to.deep.equal(['tel:119', 'tel:110', 'tel:0120000000']);
    } finally {
      console.error = original;
    }
  });

  it("the built-in dataset that cannot be loaded: the city's number", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const el = await withBuiltinDatasetDown(async () => {
        const form = await fixture<El>(html`<fukushi-disaster-help-form id=${`t${++serial}`} mode="urgent" endpoint=${ENDPOINT}></fukushi-disaster-help-form>`);
        await settled(form);
        return form;
      });
      expect(telLinks(el)).to.deep.equal(['tel:119', 'tel:110', 'tel:0424641311']);
    } finally {
      console.error = original;
    }
  });

  it("a town's own dataset without a form definition: a notice and its own number, no Nishitokyo rules", async () => {
    const original = console.error;
    const errors: string[] = [];
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await mount({mode: 'register', src: DATASET_URL, formSrc: ''});
      expect(root(el).querySelector('form')).to.equal(null);
      expect(text(el)).to.contain('この地域では、このフォームはまだ使えません。');
      expect(text(el)).not.to.contain('愛の手帳');
      expect(telLinks(el)).to.deep.equal(['tel:0424641311']);
      expect(errors.join('\n')).to.contain('form-src');
      expect((await el.submit()).state).to.equal('failed');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('easy Japanese and English', async () => {
    const el = await mount({mode: 'urgent'});
    await setLocale('ja-x-easy');
    await update(el);
    expect($(el, '.step-h').querySelector('ruby')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await setLocale('en');
    await update(el);
    expect($(el, '.root').getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });
});

describe('<fukushi-disaster-help-form> driven by the form definition', () => {
  beforeEach(() => resetPage());

  /** Kanji in the text of `root` that are not under a <ruby> with a reading. */
  const kanjiWithoutRuby = (root: Element, skip = '') => {
    const bare: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement!.closest(`ruby, rt, rp, .visually-hidden${skip}`)) continue;
      bare.push(...(n.textContent!.match(/[\u4e00-\u9fff々〆]/g) ?? []));
    }
    return bare;
  };

  it('easy Japanese: every label, legend, hint and option has furigana on every kanji (readings from the data build)', async () => {
    const el = await mount();
    el.data = REGISTER_EXAMPLE;
    await setLocale('ja-x-easy');
    await update(el);
    for (const step of ['eligibility', 'person', 'address', 'contact', 'emergency', 'consent']) {
      el.step = step;
      await update(el);
      const captions = $$(el, 'form label, form legend, form .hint, .step-h');
      expect(captions.length, step).to.be.greaterThan(2);
      for (const c of captions) {
        expect(kanjiWithoutRuby(c), `${step}: ${visibleText(c)}`).to.deep.equal([]);
      }
      expect(captions.some((c) => c.querySelector('ruby rt'))).to.equal(true);
    }
    await expect(el).to.be.accessible();
    // Standard Japanese with furigana switched on gets readings too (the build annotates both);
    // 「※必須」 is a UI string of the element, not a text of the definition.
    await setLocale('ja');
    setFurigana(true);
    await update(el);
    el.step = 'person';
    await update(el);
    expect(kanjiWithoutRuby($(el, 'label[for="f-person-name"]'), ', .badge')).to.deep.equal([]);
    expect($(el, 'label[for="f-person-name"] rt').textContent).to.equal('しめい');
  });

  it('form-src: the steps, words and rules of another definition, without code', async () => {
    const def = (await (await fetch('/data/help-form.json')).json()) as FormDefinition;
    const eligibility = def.modes.register.steps[0]!;
    eligibility.title = {ja: '登録のまえに', 'ja-x-easy': '｜登録《とうろく》の まえに', en: 'Before you register'};
    eligibility.fields![0]!.options = eligibility.fields![0]!.options!.slice(4);
    const url = URL.createObjectURL(new Blob([JSON.stringify(def)], {type: 'application/json'}));
    try {
      const el = await mount({formSrc: url});
      expect(heading(el)).to.equal('登録のまえに');
      expect($$(el, '[name="eligibility.criteria"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal([
        'elderly_household', 'care_certified', 'disability', 'intractable_disease', 'other',
      ]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a definition that cannot be used: the city\'s number (and 119/110 in urgent mode), editors a console message, no form', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    const unbuilt = URL.createObjectURL(new Blob([JSON.stringify({format: 1, modes: {}})], {type: 'application/json'}));
    try {
      const urgent = await mount({mode: 'urgent', formSrc: '/fukushi-test-missing/help-form.json'});
      expect(root(urgent).querySelector('form')).to.equal(null);
      expect($$(urgent, 'a.phone').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:119', 'tel:110', 'tel:0424641311']);
      expect(text(urgent)).to.contain('情報を読み込めませんでした。');
      await expect(urgent).to.be.accessible();
      const register = await mount({formSrc: unbuilt});
      expect(root(register).querySelector('form')).to.equal(null);
      expect($$(register, 'a.phone').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:0424641311']);
      expect((await register.submit()).state).to.equal('failed');
    } finally {
      console.error = original;
      URL.revokeObjectURL(unbuilt);
    }
    expect(logged.some((l) => l.includes('help-form.json') && l.includes('phone numbers'))).to.equal(true);
    expect(logged.some((l) => l.includes(unbuilt) && l.includes('build-help-form'))).to.equal(true);
  });
});
