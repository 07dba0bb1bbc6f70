// Phones: every widget in every state a resident reaches, at 320, 375 and 414 px, in Japanese,
// easy Japanese and English, with furigana on and off (WCAG 1.4.10 reflow, 1.4.12 text spacing):
//  - no sideways scrolling of the page, no text or control beyond the screen, no text cut off;
//  - the same with the 1.4.12 text spacing added, and then no reading overlapping other text;
//  - easy Japanese with furigana: every kanji shown has a reading, select options included;
//  - easy Japanese with furigana: a word's base characters stay together (at most 0.15 em apart),
//    measured on the screen, at 375 px.
// One page load per reading mode (the demo page, as residents see it): each state is reached in
// turn, then checked at each width (resizing the viewport) and with furigana toggled, no reload.
// Run after `npm run build`: node --test test/e2e/reflow.test.mjs (REFLOW_LOG=/tmp/reflow writes
// every problem found to /tmp/reflow-<mode>.txt; the test names the first 40).
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {waitForWidgets} from './lib/browser.mjs';
import {useBuiltSite, watchConsole} from './lib/pages.mjs';
import {installProbe, TEXT_SPACING_CSS, wordGaps} from './lib/reflow.mjs';

const site = useBuiltSite();

const WIDTHS = [320, 375, 414];
const PREFS = 'fukushi-widgets:reading-prefs';
/** The widest space allowed between two base characters of one word. */
const MAX_GAP_EM = 0.15;
/** Device pixels per CSS pixel where the word spacing is read off the screen. */
const SCALE = 2;

const FINDER = 'fukushi-service-finder';
const CARDS = '#desks fukushi-contact-card';
const REGISTER = '#help-register';
const URGENT = '#help-urgent';
const SUMMARY = 'fukushi-easy-summary';

// The form's own examples (its JSON Schema), with what a resident types in kana: a name typed in
// kanji has no reading anywhere, and the check page shows what was typed.
const schema = JSON.parse(readFileSync('dist/schema/help-request.schema.json', 'utf8'));
const [registerExample, urgentExample] = schema.examples;
const REGISTER_ANSWERS = {
  ...registerExample,
  // ア–エ opens the step that says the city lists the person already.
  eligibility: {criteria: ['care_level_3_plus', 'elderly_household']},
  proxy: {...registerExample.proxy, name: 'にしとうきょう はなこ', relationship: 'むすめ'},
  person: {...registerExample.person, name: 'にしとうきょう たろう'},
  address: {...registerExample.address, building: 'みどりハイツ101'},
  needs: {...registerExample.needs, notes: 'くすりを まいにち のみます。'},
  emergency_contacts: [{...registerExample.emergency_contacts[0], name: 'にしとうきょう はなこ', relationship: 'むすめ'}],
  supporters: [{...registerExample.supporters[0], name: 'たなし じろう', relationship: 'となりの ひと'}],
};
const URGENT_ANSWERS = {...urgentExample, location: {...urgentExample.location, landmark: 'みどりマンション3かい'}, details: 'ちちが くるまいすです。'};
const REGISTER_STEPS = JSON.parse(readFileSync('dist/data/help-form.json', 'utf8')).modes.register.steps.map((s) => s.id);

/** Runs `fn(host, arg)` in the page on the widget `selector` (light DOM), awaiting it. */
const onWidget = (page, selector, fn, arg) => page.locator(selector).first().evaluate(fn, arg);

async function settle(page) {
  await page.waitForTimeout(50);
  await waitForWidgets(page);
}

/** Fills the form with `answers`, opens `step` and waits for it to render. */
async function formAt(page, selector, answers, step) {
  await onWidget(page, selector, async (form, {answers, step}) => {
    form.data = {...answers, id: crypto.randomUUID()};
    if (step) form.step = step;
    await form.updateComplete;
  }, {answers, step});
  await settle(page);
}

/** Presses the form's own submit button (as a resident does) and waits for what follows. */
async function submitForm(page, selector, until) {
  await onWidget(page, selector, (form) => form.shadowRoot.querySelector('button[type="submit"]').click());
  await page.waitForFunction(
    ({selector, until}) => document.querySelector(selector).shadowRoot.querySelector(until),
    {selector, until},
    {timeout: 10000},
  );
  await settle(page);
}

/** Searches as a resident does, then shows every result and opens each one. */
async function searchAll(page, query) {
  await page.locator(FINDER).getByRole('searchbox').fill(query);
  await settle(page);
  await onWidget(page, FINDER, async (finder) => {
    const root = finder.shadowRoot;
    for (let more = root.querySelector('.more'); more; more = root.querySelector('.more')) {
      more.click();
      await finder.updateComplete;
    }
    for (const toggle of root.querySelectorAll('.result-toggle[aria-expanded="false"]')) toggle.click();
    await finder.updateComplete;
  });
  await settle(page);
}

/** The glossary word's explanation, opened by pressing the first glossary word. */
async function openGlossary(page) {
  await onWidget(page, SUMMARY, (summary) => {
    const term = summary.shadowRoot.querySelector('button.term');
    // Its content is written as it opens: close it first if it is open.
    term.popoverTargetElement.hidePopover();
    term.scrollIntoView({block: 'center'});
    term.click();
  });
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.tip:popover-open')?.textContent.trim(), SUMMARY);
}

/**
 * Each state: how a resident gets there from the one before it (`reach`), which widgets it
 * changes (`scope`, checked then), and what to do again after furigana is switched (`again`).
 * `gaps`: where the word spacing of easy Japanese is measured.
 */
const STATES = [
  {name: 'reading controls', scope: ['header fukushi-reading-controls']},
  {name: 'finder: start', scope: [FINDER]},
  {
    name: 'finder: a need opened',
    scope: [FINDER],
    reach: (page) => onWidget(page, FINDER, (f) => (f.shadowRoot.querySelector('details.group').open = true)).then(() => settle(page)),
  },
  {name: 'finder: results for お金がない, all opened', scope: [FINDER], reach: (page) => searchAll(page, 'お金がない'), gaps: true},
  {name: 'finder: results for 介護, all opened', scope: [FINDER], reach: (page) => searchAll(page, '介護')},
  {name: 'finder: results for DV, all opened', scope: [FINDER], reach: (page) => searchAll(page, 'DV')},
  {name: 'finder: no results', scope: [FINDER], reach: (page) => searchAll(page, 'ぱぴぷぺぽ')},
  {
    name: 'finder: filters open, a need ticked',
    scope: [FINDER],
    reach: async (page) => {
      await searchAll(page, '');
      await onWidget(page, FINDER, (f) => (f.shadowRoot.querySelector('details.filters').open = true));
      await page.locator(FINDER).getByRole('checkbox').first().check();
      await settle(page);
    },
  },
  {name: 'contact cards', scope: [CARDS], gaps: true},
  ...REGISTER_STEPS.map((step) => ({
    name: `help form (register): step ${step}`,
    scope: [REGISTER],
    reach: (page) => formAt(page, REGISTER, REGISTER_ANSWERS, step),
    gaps: step === 'person',
  })),
  {
    name: 'help form (register): error summary',
    scope: [REGISTER],
    reach: async (page) => {
      await formAt(page, REGISTER, {}, 'person');
      await submitForm(page, REGISTER, '.error-summary');
    },
  },
  {
    name: 'help form (register): receipt',
    scope: [REGISTER],
    reach: async (page) => {
      await formAt(page, REGISTER, REGISTER_ANSWERS, 'check');
      await submitForm(page, REGISTER, '.status .receipt');
    },
  },
  {name: 'help form (urgent): start', scope: [URGENT]},
  {
    name: 'help form (urgent): a life at risk',
    scope: [URGENT],
    reach: (page) => formAt(page, URGENT, {...URGENT_ANSWERS, situation: ['trapped'], urgency: 'life_threatening'}),
  },
  {
    name: 'help form (urgent): error summary',
    scope: [URGENT],
    reach: async (page) => {
      await formAt(page, URGENT, {});
      await submitForm(page, URGENT, '.error-summary');
    },
  },
  {
    name: 'help form (urgent): receipt',
    scope: [URGENT],
    reach: async (page) => {
      await formAt(page, URGENT, URGENT_ANSWERS);
      await submitForm(page, URGENT, '.status .receipt');
    },
  },
  {name: 'summary', scope: [SUMMARY], gaps: true},
  // A popover closes when anything outside it is pressed, furigana switch included: open it again.
  {name: 'summary: a glossary explanation open', scope: [SUMMARY], reach: openGlossary, again: openGlossary},
];

/**
 * Shows only the widgets a state is about (and the page's reading controls): the others keep
 * their state but leave the layout, so that each check lays out no more than it needs. They also
 * leave the page until their turn, so that switching furigana does not render them again each
 * time; all but the help forms, which only hide: a form restores its saved draft as it connects.
 */
async function showOnly(page, scope) {
  await page.evaluate(async (scope) => {
    const parked = (window.__parked ??= new Map());
    const wanted = (widget) => scope.some((selector) => widget.matches(selector));
    for (const [widget, mark] of parked) {
      if (!wanted(widget)) continue;
      mark.replaceWith(widget);
      parked.delete(widget);
      // Back on the page, it renders the reading preferences chosen while it was away.
      widget.requestUpdate();
    }
    for (const widget of document.querySelectorAll('main > section > *')) {
      if (!widget.localName.startsWith('fukushi-')) continue;
      widget.hidden = !wanted(widget);
      if (widget.hidden && widget.localName !== 'fukushi-disaster-help-form') {
        const mark = document.createComment('parked');
        widget.replaceWith(mark);
        parked.set(widget, mark);
      }
    }
  }, scope);
  await settle(page);
}

/** Sets furigana as the reading controls do, for every widget at once. */
async function setFurigana(page, on) {
  await page.evaluate(async (on) => (await import('/fukushi-widgets.js')).setFurigana(on), on);
  await settle(page);
}

// The three modes at once, each in its own page (a renderer process of its own): most of the time
// goes into layout in the browser, which then uses every core.
describe('reflow', {concurrency: true}, () => {
  for (const locale of ['ja', 'ja-x-easy', 'en']) {
    test(`${locale}: every state at 320, 375 and 414 px, furigana on and off, with and without 1.4.12 text spacing`, async () => {
      const started = Date.now();
      const easy = locale === 'ja-x-easy';
      const context = await site.browser.newContext({viewport: {width: WIDTHS[0], height: 800}, deviceScaleFactor: easy ? SCALE : 1});
      const page = await context.newPage();
      const log = watchConsole(page);
      await page.route('**/api/help-requests', (route) =>
        route.fulfill({status: 201, contentType: 'application/json', body: JSON.stringify({receipt: 'NT-20261207-0001'})}),
      );
      await page.addInitScript(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [PREFS, {locale, furigana: true}]);
      await page.addInitScript(installProbe);
      await page.goto(`${site.base}/index.html`);
      await waitForWidgets(page);
      const problems = [];
      const report = (where, found) => problems.push(...found.map((p) => `${where}: ${p}`));
      // Results out of the window wait to be laid out (content-visibility: auto) until a resident
      // scrolls near them: everything is laid out for the checks, as it is when it is seen. Before
      // that, the page as it is must not scroll sideways either.
      const check = (fn, scope) =>
        page.evaluate(
          async ({fn, scope}) => {
            const {sheet} = window.__reflow;
            sheet('lay-out-all', '');
            // A frame first: the browser decides again what waits before the page is measured.
            if (fn === 'layout') await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const [page, width] = [document.scrollingElement.scrollWidth, document.documentElement.clientWidth];
            const waiting = fn === 'layout' && page > width ? [`the page scrolls sideways while what is out of the window waits: ${page} px wide in a ${width} px viewport`] : [];
            sheet('lay-out-all', '* { content-visibility: visible !important; }');
            return [...waiting, ...window.__reflow[fn](scope)];
          },
          {fn, scope},
        );
      const spacing = (css) => page.evaluate((css) => window.__reflow.sheet('text-spacing', css), css);
      let furigana = true;
      let widths = [...WIDTHS].reverse();
      let viewport = WIDTHS[0];
      const wordSpacing = [];
      const spent = {};
      const timed = async (what, promise) => {
        const t = Date.now();
        try {
          return await promise;
        } finally {
          spent[what] = (spent[what] ?? 0) + Date.now() - t;
        }
      };
      try {
        for (const state of STATES) {
          await showOnly(page, state.scope);
          await timed('reach', state.reach?.(page));
          // Alternate the order, so furigana switches once per state.
          for (const on of [furigana, !furigana]) {
            if (on !== furigana) {
              await timed('furigana', setFurigana(page, on));
              furigana = on;
              await timed('reach', state.again?.(page));
            }
            // Back and forth (320, 375, 414, then 414, 375, 320), so each pass starts at the width the last one ended at.
            widths = [...widths].reverse();
            for (const width of widths) {
              if (width !== viewport) await timed('resize', page.setViewportSize({width, height: 800}));
              viewport = width;
              const where = `${state.name}, ${width} px, furigana ${on ? 'on' : 'off'}`;
              report(where, await timed('layout', check('layout', state.scope)));
              if (easy && on && width === 375) {
                report(where, await timed('readings', check('readings', state.scope)));
                if (state.gaps) wordSpacing.push(...(await timed('gaps', wordGaps(page, state.scope, SCALE))).map((g) => ({...g, state: state.name})));
              }
              await timed('spacing', spacing(TEXT_SPACING_CSS));
              report(`${where}, text spacing`, await timed('layout', check('layout', state.scope)));
              if (on) report(`${where}, text spacing`, await timed('overlaps', check('overlaps', state.scope)));
              await timed('spacing', spacing(''));
            }
          }
        }
        if (easy) {
          const widest = (kind) => wordSpacing.filter((g) => g.kind === kind).sort((a, b) => b.em - a.em);
          for (const kind of ['bases', 'edge', 'plain']) {
            const [top] = widest(kind);
            console.log(`${locale}: ${widest(kind).length} pairs (${kind}), widest ${top ? `${top.em.toFixed(3)} em in 「${top.word}」` : '-'}`);
          }
          const apart = widest('bases').filter((g) => g.em > MAX_GAP_EM);
          problems.push(...apart.map((g) => `${g.state}, 375 px: 「${g.word}」 has ${g.em.toFixed(2)} em between ${[...g.pair].join(' and ')} (${g.where})`));
        }
        assert.ok(!easy || wordSpacing.filter((g) => g.kind === 'bases').length > 200, 'the word spacing was measured on too few words');
        if (process.env.REFLOW_LOG) writeFileSync(`${process.env.REFLOW_LOG}-${locale}.txt`, [...new Set(problems)].join('\n'));
        assert.deepEqual([...new Set(problems)].slice(0, 40), [], `${problems.length} problems`);
        assert.deepEqual(log.errors, []);
      } finally {
        console.log(`${locale}: ${STATES.length} states checked in ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(spent));
        await context.close();
      }
    });
  }
});
