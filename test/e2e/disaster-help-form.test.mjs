// <fukushi-disaster-help-form> on the demo page, built bundle, keyboard only: Tab, Shift+Tab,
// Space, Enter and arrow keys (page.keyboard). The receiver is stubbed with page.route.
// Screenshots at 320 px go to /tmp/fukushi-help-*.png (also at 200% text and in easy Japanese).
// Run after `npm run build`: node --test test/e2e/disaster-help-form.test.mjs
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {axeViolations, waitForWidgets} from './lib/browser.mjs';
import {useBuiltSite, watchConsole} from './lib/pages.mjs';

const site = useBuiltSite();

const SHOTS = '/tmp/fukushi-help';

/** The focused element, looking through shadow roots, with the id of the form host it is in. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    let host = '';
    while (a?.shadowRoot?.activeElement) {
      if (a.localName === 'fukushi-disaster-help-form') host = a.id;
      a = a.shadowRoot.activeElement;
    }
    if (a?.localName === 'fukushi-disaster-help-form') host = a.id;
    return a
      ? {host, tag: a.localName, name: a.getAttribute('name') ?? '', value: a.value ?? '', type: a.getAttribute('type') ?? '', cls: a.getAttribute('class') ?? '', text: (a.textContent ?? '').replace(/\s+/g, ' ').trim()}
      : null;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page, match, {back = false, max = 300} = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  assert.fail(`never reached by ${back ? 'Shift+Tab' : 'Tab'}: ${match}`);
}

const inForm = (id, more) => (f) => f.host === id && more(f);
const field = (id, name, value) => inForm(id, (f) => f.name === name && (value === undefined || f.value === value));
const button = (id, text) => inForm(id, (f) => f.tag === 'button' && f.text.includes(text));

async function type(page, id, name, text) {
  await tabTo(page, field(id, name));
  await page.keyboard.type(text);
}

async function shadowText(page, id) {
  return page.evaluate((id) => {
    const clone = document.getElementById(id).shadowRoot.querySelector('.root').cloneNode(true);
    clone.querySelectorAll('rt, rp, .visually-hidden, style').forEach((n) => n.remove());
    return clone.textContent.replace(/\s+/g, ' ').trim();
  }, id);
}
const shot = (page, id, name) => page.locator(`#${id}`).screenshot({path: `${SHOTS}-${name}.png`});

/** Waits for the form's heading to read `text` after a keyboard action. */
async function onStep(page, id, text) {
  await page.waitForFunction(
    ({id, text}) => document.getElementById(id).shadowRoot.querySelector('.step-h')?.textContent.trim() === text,
    {id, text},
    {timeout: 5000},
  );
}

async function openDemo({width = 320, stub} = {}) {
  const context = await site.browser.newContext({viewport: {width, height: 900}});
  const page = await context.newPage();
  const log = watchConsole(page);
  const posts = [];
  await page.route('**/api/help-requests', async (route) => {
    const request = route.request();
    posts.push({key: request.headers()['idempotency-key'], body: JSON.parse(request.postData())});
    await (stub ?? ((r) => r.fulfill({status: 201, contentType: 'application/json', body: JSON.stringify({receipt: 'NT-E2E-0001'})})))(route, posts.length);
  });
  await page.goto(`${site.base}/index.html`);
  await waitForWidgets(page);
  return {context, page, log, posts};
}

test('register: the whole form by keyboard only, with errors, back, change and a receipt', async () => {
  const {context, page, log, posts} = await openDemo();
  const id = 'help-register';
  try {
    await shot(page, id, '01-register-start');
    // Eligibility: Space ticks 65歳以上… ; Enter on the button continues.
    await tabTo(page, field(id, 'eligibility.criteria', 'elderly_household'));
    await page.keyboard.press('Space');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '入力する人');
    assert.equal((await focused(page)).cls.includes('step-h'), true, 'focus on the new heading');

    // Who: continue without an answer → error summary with focus; its link focuses the radio.
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.activeElement?.classList.contains('error-summary'), id);
    assert.match(await page.title(), /^エラー：/);
    await shot(page, id, '02-register-error-summary');
    await tabTo(page, inForm(id, (f) => f.tag === 'a' && f.text === '誰が入力しているかを選んでください'));
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).name, 'filled_by');
    // Arrow keys move within the radio group: self → proxy.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'proxy');
    await type(page, id, 'proxy.name', '西東京 花子');
    await type(page, id, 'proxy.relationship', '長女');
    await type(page, id, 'proxy.phone', '０９０ー１２３４ー５６７８');
    await page.keyboard.press('Enter');
    await onStep(page, id, 'ご本人のこと');
    assert.doesNotMatch(await page.title(), /^エラー：/, 'the title prefix is removed');

    // Person: hiragana フリガナ, 和暦 year, Shift+Tab back to a field.
    await type(page, id, 'person.name', '西東京 太郎');
    await type(page, id, 'person.name_kana', 'にしとうきょう たろう');
    await type(page, id, 'person.birth_date.year', '昭和23');
    await type(page, id, 'person.birth_date.month', '4');
    await type(page, id, 'person.birth_date.day', '１');
    await tabTo(page, field(id, 'person.name_kana'), {back: true});
    assert.equal((await focused(page)).value, 'ニシトウキョウ　タロウ', 'normalised when leaving the field');
    await tabTo(page, field(id, 'person.sex', 'female'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'no_answer');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Space');
    await onStep(page, id, '住所');

    // Address: the town select by arrow keys (南町 is the 6th town), then 5丁目.
    await tabTo(page, field(id, 'address.town_id'));
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'town-minamicho');
    await tabTo(page, field(id, 'address.chome'));
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, '5');
    assert.match(await shadowText(page, id), /〒188-0012/);
    await type(page, id, 'address.banchi', '６ー１３');
    await shot(page, id, '03-register-address');
    await page.keyboard.press('Enter');
    await onStep(page, id, '連絡先');

    // Back link (Shift+Tab from the heading reaches it), answers kept.
    await tabTo(page, button(id, '戻る'), {back: true});
    await page.keyboard.press('Enter');
    await onStep(page, id, '住所');
    await tabTo(page, field(id, 'address.banchi'));
    assert.equal((await focused(page)).value, '6-13');
    await page.keyboard.press('Enter');
    await onStep(page, id, '連絡先');

    await type(page, id, 'contact.phone', '042 000 0000');
    await tabTo(page, field(id, 'contact.preferred', 'phone'));
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await onStep(page, id, '世帯');
    await tabTo(page, field(id, 'household.type', 'alone'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await type(page, id, 'household.members', '２');
    await page.keyboard.press('Enter');
    await onStep(page, id, '支援が必要な理由');
    await tabTo(page, field(id, 'needs.reasons', 'walking'));
    await page.keyboard.press('Space');
    await tabTo(page, field(id, 'needs.reasons', 'hearing'));
    await page.keyboard.press('Space');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '避難のときに必要なこと');
    await tabTo(page, field(id, 'needs.support', 'hearing_aid'));
    await page.keyboard.press('Space');
    await type(page, id, 'needs.notes', '血圧の薬');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '緊急連絡先');
    await type(page, id, 'emergency_contacts.0.name', '西東京 花子');
    await type(page, id, 'emergency_contacts.0.relationship', '長女');
    await type(page, id, 'emergency_contacts.0.phone', '090-1234-5678');
    await page.keyboard.press('Enter');
    await onStep(page, id, '避難を手伝う人');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '避難先の希望');
    await tabTo(page, inForm(id, (f) => f.name === 'preferred_shelter_id'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    const shelter = (await focused(page)).value;
    assert.ok(shelter, 'a shelter chosen');
    await shot(page, id, '04-register-shelter');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '情報を渡すことへの同意');
    for (const group of ['city_departments', 'fire', 'minsei_iin']) {
      await tabTo(page, field(id, 'consent', group));
      await page.keyboard.press('Space');
    }
    await shot(page, id, '05-register-consent');
    await tabTo(page, button(id, '次へ'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '入力した内容の確認');
    await shot(page, id, '06-register-check');

    // Change the household from the check page; Continue returns to it.
    await tabTo(page, inForm(id, (f) => f.tag === 'button' && f.text.startsWith('変更') && f.text.includes('世帯')));
    await page.keyboard.press('Enter');
    await onStep(page, id, '世帯');
    await tabTo(page, field(id, 'household.members'));
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await onStep(page, id, '入力した内容の確認');

    await tabTo(page, button(id, '登録を申し込む'));
    await page.keyboard.press('Enter');
    await onStep(page, id, '受け付けました');
    assert.match(await shadowText(page, id), /NT-E2E-0001/);
    await shot(page, id, '07-register-receipt');
    assert.equal(posts.length, 1);
    const [{key, body}] = posts;
    assert.equal(key, body.id);
    assert.equal(body.mode, 'register');
    assert.deepEqual(body.person, {name: '西東京 太郎', name_kana: 'ニシトウキョウ　タロウ', birth_date: '1948-04-01', sex: 'no_answer'});
    assert.deepEqual(body.address, {town_id: 'town-minamicho', chome: 5, banchi: '6-13'});
    assert.deepEqual(body.proxy, {name: '西東京 花子', relationship: '長女', phone: '090-1234-5678'});
    assert.deepEqual(body.contact, {phone: '042-000-0000', preferred: 'phone'});
    assert.deepEqual(body.household, {type: 'elderly_only', members: 3});
    assert.equal(body.preferred_shelter_id, shelter);
    assert.deepEqual(Object.entries(body.consent).filter(([, v]) => v).map(([k]) => k), ['city_departments', 'fire', 'minsei_iin']);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('urgent: by keyboard only, 119/110 first when a life is at risk; queued while offline, then delivered', async () => {
  let online = false;
  const {context, page, log, posts} = await openDemo({
    stub: (route) =>
      online
        ? route.fulfill({status: 201, contentType: 'application/json', body: JSON.stringify({receipt: 'NT-E2E-URGENT'})})
        : route.abort('internetdisconnected'),
  });
  const id = 'help-urgent';
  try {
    await tabTo(page, field(id, 'situation', 'trapped'));
    await page.keyboard.press('Space');
    // 119 and 110 appear above the form as tel: links.
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.emergency'), id);
    const phones = await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('.emergency a.phone')].map((a) => a.getAttribute('href')), id);
    assert.deepEqual(phones, ['tel:119', 'tel:110']);
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
    await shot(page, id, '10-urgent-life-threatening');
    await tabTo(page, field(id, 'urgency', 'life_threatening'));
    await page.keyboard.press('Space');
    await tabTo(page, field(id, 'location.town_id'));
    for (let i = 0; i < 21; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'town-yagisawa');
    await type(page, id, 'location.landmark', '〇〇マンション3階');
    await tabTo(page, field(id, 'people.who', 'self'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await type(page, id, 'people.count', '２');
    await tabTo(page, field(id, 'contact.method', 'phone'));
    await page.keyboard.press('Space');
    await type(page, id, 'contact.phone', '090-0000-0000');
    assert.match(await shadowText(page, id), /近くの避難所.*柳沢/);
    await tabTo(page, button(id, '送信する'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => /送信待ち/.test(document.getElementById(id).shadowRoot.querySelector('.status')?.textContent ?? ''), id, {timeout: 20000});
    const text = await shadowText(page, id);
    assert.match(text, /送信待ち（この端末に保存しました。つながったら自動で送ります）/);
    assert.doesNotMatch(text, /受け付けました/);
    await shot(page, id, '11-urgent-queued');
    // The network comes back: the same request (same key) is delivered and the receipt shows.
    online = true;
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForFunction((id) => /NT-E2E-URGENT/.test(document.getElementById(id).shadowRoot.textContent ?? ''), id, {timeout: 20000});
    assert.ok(posts.length >= 2);
    assert.equal(new Set(posts.map((p) => p.key)).size, 1, 'one idempotency key for every attempt');
    const {body} = posts.at(-1);
    assert.equal(body.mode, 'urgent');
    assert.deepEqual(body.situation, ['trapped']);
    assert.equal(body.urgency, 'life_threatening');
    assert.deepEqual(body.people, {who: 'family', count: 2});
    assert.deepEqual(body.location, {town_id: 'town-yagisawa', landmark: '〇〇マンション3階'});
    await shot(page, id, '12-urgent-receipt');
    assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('offline as soon as the form has appeared: the request is kept on the device and sent when the network is back', async () => {
  let online = true;
  // A routed request bypasses the browser's offline mode: the stub answers as the network would.
  const {context, page, log, posts} = await openDemo({
    stub: (route) =>
      online
        ? route.fulfill({status: 201, contentType: 'application/json', body: JSON.stringify({receipt: 'NT-E2E-0001'})})
        : route.abort('internetdisconnected'),
  });
  const id = 'help-urgent';
  try {
    // Everything the form needs to take a request has loaded with its first render: the network
    // may fail from here on (no further code or data is fetched).
    const failed = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    online = false;
    await context.setOffline(true);
    await page.evaluate((id) => {
      const form = document.getElementById(id);
      form.data = {schema_version: '1.0', id: crypto.randomUUID(), mode: 'urgent', situation: ['cannot_evacuate'], urgency: 'today',
        location: {town_id: 'town-yagisawa', landmark: '〇〇マンション3階'}, people: {who: 'self', count: 1}, contact: {method: 'phone', phone: '090-0000-0000'}};
    }, id);
    await tabTo(page, button(id, '送信する'));
    await page.keyboard.press('Enter');
    await page
      .waitForFunction((id) => /送信待ち/.test(document.getElementById(id).shadowRoot.querySelector('.status')?.textContent ?? ''), id, {timeout: 20000})
      .catch(async () => assert.fail(`not queued; the form says: ${await shadowText(page, id)}`));
    assert.match(await shadowText(page, id), /この端末に保存しました/);
    assert.deepEqual(failed.filter((url) => !/\/api\/help-requests/.test(url)), [], 'no code or data was still to be fetched');
    assert.ok(posts.every((p) => p.key === posts[0].key), 'one request');
    online = true;
    await context.setOffline(false);
    await page.waitForFunction((id) => /NT-E2E-0001/.test(document.getElementById(id).shadowRoot.textContent ?? ''), id, {timeout: 20000});
    assert.equal(new Set(posts.map((p) => p.key)).size, 1, 'one idempotency key for every attempt');
    assert.deepEqual(posts.at(-1).body.location, {town_id: 'town-yagisawa', landmark: '〇〇マンション3階'});
    assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('the form\'s code cannot be loaded (offline before it arrived): phone numbers and a retry, then the form', async () => {
  const context = await site.browser.newContext({viewport: {width: 320, height: 900}});
  const page = await context.newPage();
  let blocked = true;
  await page.route(/(chunk|fw)-form-code-.*\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  try {
    await page.goto(`${site.base}/index.html`);
    await waitForWidgets(page);
    const id = 'help-urgent';
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('[part="error"]'), id, {timeout: 10000});
    const phones = await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')), id);
    assert.deepEqual(phones, ['tel:119', 'tel:110', 'tel:0424641311'], 'the emergency numbers and the city\'s number');
    assert.match(await shadowText(page, id), /情報を読み込めませんでした/);
    blocked = false;
    await tabTo(page, button(id, 'もう一度読み込む'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('button[type="submit"], .step-h'), id, {timeout: 10000});
    assert.doesNotMatch(await shadowText(page, id), /情報を読み込めませんでした/);
  } finally {
    await context.close();
  }
});

test('screenshots: 200% text and easy Japanese with furigana at 320 px, no axe violations', async () => {
  const {context, page} = await openDemo();
  try {
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await page.evaluate(() => {
      const el = document.getElementById('help-register');
      el.step = 'person';
    });
    await page.waitForTimeout(100);
    await shot(page, 'help-register', '20-register-person-200pct');
    // Nothing in either form sticks out of a 320 px screen (other widgets on the page are not checked here).
    const widest = await page.evaluate(() =>
      Math.max(
        ...['help-register', 'help-urgent'].flatMap((id) =>
          [...document.getElementById(id).shadowRoot.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right),
        ),
      ),
    );
    assert.ok(widest <= 320, `no horizontal scrolling at 200% (${widest}px)`);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.evaluate(async () => {
      const m = await import('/fukushi-widgets.js');
      await m.setLocale('ja-x-easy');
      m.setFurigana(true);
    });
    await page.waitForFunction(() => document.getElementById('help-register').shadowRoot.querySelector('.step-h ruby'));
    await shot(page, 'help-register', '21-register-person-easy-furigana');
    await tabTo(page, field('help-urgent', 'urgency', 'life_threatening'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('help-urgent').shadowRoot.querySelector('.emergency'));
    await page.evaluate(() => document.getElementById('help-urgent').scrollIntoView());
    await shot(page, 'help-urgent', '22-urgent-easy-furigana');
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});
