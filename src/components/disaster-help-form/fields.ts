/**
 * Draws what the form definition asks: a step's form (the error summary, its text blocks, each
 * field in its frame with its control, the check-your-answers list, the shelters nearest to the
 * answers, the button that goes on). Each `control` of the field-kinds table is drawn in renderControl.
 * Nothing here keeps state: the element passes what to draw (view.ts) on every render.
 */
import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {renderContact} from '../../ui/fallback.js';
import {errorSummary} from '../../ui/error-summary.js';
import {describedBy, field as fieldFrame} from '../../ui/field.js';
import {pick} from '../../core/data/text.js';
import type {Shelter} from '../../core/data/types.js';
import type {FieldError} from '../../core/outbox/types.js';
import {bracketedReadings, plainText} from '../../core/text/ruby.js';
import type {Block, Field, Step} from '../../core/help-request/form-definition.js';
import {controlOf, isChoice, KINDS, type Control} from '../../core/help-request/field-kinds.js';
import {
  answerList, answerText, DATE_PARTS, fieldNamed, nearShelters, optionValues, say, townOf, type Answers, type Geo,
} from '../../core/help-request/engine.js';
import {renderPhones} from './phones.js';
import type {FormView, StepHandlers, StepPage} from './view.js';

/** A step's page: 119 and 110 when a life is at risk, the back link, and the step's form. */
export function renderStep(view: FormView, page: StepPage, on: StepHandlers) {
  const {T, t, h} = view;
  const {mode, steps, index} = page;
  const step = steps[index]!;
  return html`${page.risk ? renderPhones(view, true, false, true) : nothing}
    ${index > 0 || page.fromCheck ? html`<button type="button" class="link back" @click=${on.back}>${t(msg('戻る'))}</button>` : nothing}
    <form novalidate @submit=${on.submit} @input=${on.input} @change=${on.change} @keydown=${on.keydown}
      @compositionstart=${on.composition} @compositionend=${on.composition}>
      ${view.errors.length ? renderErrorSummary(view, steps) : nothing}
      ${mode.caption ? html`<p class="caption">${T(mode.caption)} (${index + 1}/${steps.length})</p>` : nothing}
      ${h(T(step.title), 0, 'step-h')} ${step.intro?.map((block) => renderBlock(view, block))} ${renderFields(view, step)}
      ${step.check ? renderCheckAnswers(view, steps) : nothing} ${step.shelters ? renderNearest(view, step.shelters) : nothing}
      <button class="button submit" type="submit">
        ${index === steps.length - 1 ? (mode.submit ? T(mode.submit) : t(msg('送信する'))) : t(msg('次へ'))}
      </button>
    </form>`;
}

/** The GOV.UK error summary: one link per problem, to the field it names. */
function renderErrorSummary(view: FormView, steps: Step[]) {
  return errorSummary(
    view.root,
    view.t(msg('入力内容を確認してください')),
    view.errors.map((error) => {
      const field = fieldNamed(steps, error.field);
      return {...(field ? {target: errorTarget(field, view.answers)} : {}), text: view.t(error.message)};
    }),
    (content) => view.h(content, 0, 'summary-title'),
  );
}

/** The id of a field's control; a date's parts and a group's choices add `-year`, `-0` … */
export const idOf = (key: string) => `f-${key.replace(/\./g, '-')}`;

/** Controls shown as a fieldset with a legend, with the suffix of their first input's id. */
const GROUPED: Partial<Record<Control, string>> = {date: 'year', radio: '0', checkbox: '0'};

/** The id of a field's first control, which its label names: a date's year, a group's first choice. */
function firstId(field: Field) {
  const part = GROUPED[controlOf(field.kind)];
  return idOf(field.key) + (part ? `-${part}` : '');
}

/** The id an error-summary link focuses: a date's first empty part, else the field's first control. */
function errorTarget(field: Field, answers: Answers): string {
  if (controlOf(field.kind) !== 'date') return firstId(field);
  return `${idOf(field.key)}-${DATE_PARTS.find((p) => !answerText(answers, `${field.key}.${p}`)) ?? 'year'}`;
}

/** What a choice reads, as ruby notation (towns, 丁目 and shelters from the dataset). */
function labelOf({ctx}: FormView, field: Field, value: string): string {
  const named = (field.kind === 'town' ? ctx.data?.towns : field.kind === 'shelter' ? ctx.data?.shelters : undefined)?.find((x) => x.id === value);
  if (named) return pick(named.name, ctx.locale).value;
  return field.kind === 'chome' ? say(ctx, 'chome', {n: value}) : say(ctx, field.options?.find((o) => o.value === value)?.label);
}

/** The hint, unless it no longer applies (a 丁目's "choose the town first"). */
const hintOf = (view: FormView, field: Field) =>
  field.hint && !(field.kind === 'chome' && answerText(view.answers, field.from!)) ? view.T(field.hint) : undefined;

/**
 * A field's control, by the `control` of its kind: the one place to draw a new control. Geo
 * draws its own block (renderGeo); the others sit in the frame that renderField gives them.
 */
function renderControl(view: FormView, field: Field, control: Exclude<Control, 'geo'>, hint: unknown, error?: FieldError) {
  const {answers} = view;
  const id = idOf(field.key);
  const value = answerText(answers, field.key);
  const described = describedBy(id, hint, error);
  const invalid = error ? 'true' : 'false';
  // Autofill knows the person at the keyboard: never offer it for someone else's answers.
  const autocomplete = field.own && !view.self ? undefined : field.autocomplete;
  switch (control) {
    case 'input': {
      const {type} = KINDS[field.kind];
      const typed = type === 'tel' || type === 'email';
      return html`<input id=${id} name=${field.key} class=${field.kind} type=${typed ? type : 'text'}
        inputmode=${type === 'numeric' ? type : nothing} spellcheck=${typed ? 'false' : nothing}
        autocomplete=${autocomplete ?? nothing} .value=${value} aria-describedby=${described} aria-invalid=${invalid} />`;
    }
    case 'area':
      return html`<textarea id=${id} name=${field.key} rows="4" .value=${value} aria-describedby=${described} aria-invalid=${invalid}></textarea>`;
    case 'date': {
      const labels = {year: msg('年'), month: msg('月'), day: msg('日')};
      return html`<div class="date">
        ${DATE_PARTS.map((part) => {
          const name = `${field.key}.${part}`;
          return html`<div>
            <label for="${id}-${part}">${view.t(labels[part])}</label>
            <input id="${id}-${part}" name=${name} class=${part} inputmode="numeric" autocomplete=${autocomplete ? `${autocomplete}-${part}` : 'off'}
              .value=${answerText(answers, name)} aria-invalid=${invalid} />
          </div>`;
        })}
      </div>`;
    }
    case 'select': {
      // An <option> cannot hold ruby: with furigana, readings go in brackets, 谷戸町（やとちょう）.
      const text = view.furigana ? bracketedReadings : plainText;
      return html`<select id=${id} name=${field.key} autocomplete=${autocomplete ?? nothing} aria-describedby=${described} aria-invalid=${invalid}>
        <option value="" ?selected=${!value}>${text(msg('選んでください'))}</option>
        ${optionValues(view.ctx, field, answers).map(
          (option) => html`<option value=${option} ?selected=${value === option}>${text(labelOf(view, field, option))}</option>`,
        )}
      </select>`;
    }
    default:
      // Radio buttons or checkboxes.
      return html`<div class="choices">
        ${optionValues(view.ctx, field, answers).map(
          (option, i) => html`<div class="choice">
            <input type=${control} id="${id}-${i}" name=${field.key} .value=${option} .checked=${control === 'radio' ? value === option : answerList(answers, field.key).includes(option)} /><label
              for="${id}-${i}"
              >${field.kind === 'shelter' ? renderShelter(view, view.ctx.data?.shelters.find((s) => s.id === option)) : view.t(labelOf(view, field, option))}</label
            >
          </div>`,
        )}
      </div>`;
  }
}

function renderField(view: FormView, field: Field) {
  const control = controlOf(field.kind);
  if (control === 'geo') return renderGeo(view, field);
  const error = view.errors.find((e) => e.field === field.key);
  const hint = hintOf(view, field);
  const town = field.postal && townOf(view.ctx, view.answers, field.key);
  return html`${fieldFrame({
    id: firstId(field),
    label: view.T(field.label),
    ...(field.required !== 'group' ? {badge: view.t(field.required ? msg('※必須') : msg('※任意')), required: !!field.required} : {}),
    hint,
    error: error && view.t(error.message),
    errorPrefix: msg('エラー：'),
    group: control in GROUPED,
    control: renderControl(view, field, control, hint, error),
  })}${town ? html`<p class="postal">${view.T('postal', {code: town.postal_code})}</p>` : nothing}`;
}

/** A step's fields; fields of one group share a fieldset with the group's legend. */
export function renderFields(view: FormView, step: Step) {
  const out: unknown[] = [];
  const fields = step.fields!;
  for (let i = 0; i < fields.length; ) {
    const groupId = fields[i]!.group;
    const group = groupId && step.groups?.[groupId];
    if (!group) {
      out.push(renderField(view, fields[i++]!));
      continue;
    }
    const members: Field[] = [];
    while (i < fields.length && fields[i]!.group === groupId) members.push(fields[i++]!);
    out.push(html`<fieldset class="group">
      <legend>${view.T(group.legend)}${members.every((f) => f.required !== true) ? html` <span class="badge optional">${view.t(msg('※任意'))}</span>` : nothing}</legend>
      ${group.hint ? html`<p class="hint">${view.T(group.hint)}</p>` : nothing} ${members.map((f) => renderField(view, f))}
    </fieldset>`);
  }
  return out;
}

function renderGeo(view: FormView, field: Field) {
  const geo = view.answers[field.key] as Geo | undefined;
  return html`<div class="geo">
    <p class="hint">${view.T('geoNote')}</p>
    ${geo
      ? html`<p>${view.T('geoUsing', {m: geo.accuracy_m})}</p>
          <button type="button" class="button secondary" @click=${() => view.unlocate(field.key)}>${view.T('geoStop')}</button>`
      : html`<button type="button" class="button secondary" @click=${() => view.locate(field.key)}>${view.T('geoUse')}</button>`}
    ${view.geoError ? html`<p class="error-message" role="alert">${view.T('geoError')}</p>` : nothing}
  </div>`;
}

/** A shelter as a choice or in the nearest list: its name, town, address, distance and who it takes in. */
function renderShelter(view: FormView, shelter?: Shelter, distance?: number) {
  if (!shelter) return view.T('noShelter');
  const town = view.ctx.data?.towns.find((t) => t.id === shelter.town_id);
  return html`<span class="shelter-name">${view.text(shelter.name)}</span>
    <span class="shelter-meta">
      ${town ? html`${view.text(town.name)}${view.lang === 'en' ? ' ' : ''}` : nothing}${shelter.address_1}
      ${distance !== undefined ? view.T('distance', {m: Math.round(distance / 10) * 10}) : nothing}
    </span>
    ${shelter.welfare_for ? html`<span class="tag">${view.T('welfare')}（${view.T('welfareFor')}：${view.text(shelter.welfare_for)}）</span>` : nothing}`;
}

/** The shelters nearest to the answers at `keys` (a town, and the device location if shared). */
export function renderNearest(view: FormView, keys: {town: string; geo?: string}) {
  const near = nearShelters(view.ctx.data, answerText(view.answers, keys.town), view.answers[keys.geo ?? ''] as Geo | undefined, 5);
  return near.length
    ? html`<section class="nearest">
        ${view.h(view.T('nearest'), 1)}
        <ul>
          ${near.map(([shelter, distance]) => html`<li>${renderShelter(view, shelter, distance)}</li>`)}
        </ul>
      </section>`
    : nothing;
}

/** An answer as the check page shows it, in ruby notation. */
function answerShown(view: FormView, field: Field): string {
  const {answers} = view;
  if (controlOf(field.kind) === 'date') {
    const [y, m, d] = DATE_PARTS.map((p) => answerText(answers, `${field.key}.${p}`));
    return y ? msg(str`${y}年${m}月${d}日`) : '';
  }
  if (!isChoice(field.kind)) return answerText(answers, field.key);
  return optionValues(view.ctx, field, answers)
    .filter((v) => v && (v === answers[field.key] || answerList(answers, field.key).includes(v)))
    .map((v) => labelOf(view, field, v))
    .join('、');
}

/** The check-your-answers page: every step with questions, its answers and a change link. */
export function renderCheckAnswers(view: FormView, steps: Step[]) {
  return steps
    .filter((s) => s.fields!.length)
    .map(
      (step) => html`<section class="answers">
        <div class="answers-head">
          ${view.h(view.T(step.title), 1)}
          <button type="button" class="link" @click=${() => view.change(step.id)}>
            ${view.t(msg('変更'))}<span class="visually-hidden">：${view.T(step.title)}</span>
          </button>
        </div>
        ${step.fields!.some((f) => answerShown(view, f))
          ? html`<dl>
              ${step.fields!.map((field) => {
                const value = answerShown(view, field);
                const group = field.group && step.groups?.[field.group];
                return value ? html`<div><dt>${group ? html`${view.T(group.legend)}　` : nothing}${view.T(field.label)}</dt><dd>${view.t(value)}</dd></div>` : nothing;
              })}
            </dl>`
          : html`<p>${view.t(msg('なし'))}</p>`}
      </section>`,
    );
}

/** A piece of text around the fields (Block in form-definition.ts). */
export function renderBlock(view: FormView, block: Block) {
  const texts = [block.text ?? []].flat();
  const paragraphs = texts.map((text) => html`<p>${block.as === 'warning' ? html`<strong>${view.T(text)}</strong>` : view.T(text)}</p>`);
  switch (block.as) {
    case 'h':
      return view.h(view.T(texts[0]), 1);
    case 'ul':
      return html`<ul>${texts.map((text) => html`<li>${view.T(text)}</li>`)}</ul>`;
    case 'notice':
    case 'warning':
      return html`<div class="notice ${block.as}">${paragraphs}</div>`;
    case 'contact':
      return renderContact(view.contact, view.lang, view.t);
  }
  return paragraphs;
}
