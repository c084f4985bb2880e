/**
 * The artist's page: the audience of one artist over one window, read from the API that serves the page
 * (POST /fanbase, GET /artists/{id}/audience, GET /artists/{id}/top-fans). Its state is the URL
 * (`/?artist=123&window=28d&offset=25`): a link opens the same view, and back and forward move between
 * views. Every value is written as text.
 */
import * as api from './api.js';
import { type Bar, barChart, pairedColumns } from './charts.js';
import { byId, el } from './dom.js';
import { count, day, month, score } from './format.js';

/** The windows the page offers: its radio buttons, the API's standard windows (held to them by a test). */
const offeredWindows = () =>
  [...document.querySelectorAll<HTMLInputElement>('input[name=window]')].map((input) => input.value);
const WINDOW_NAMES: Record<string, string> = {
  '7d': '7 days',
  '28d': '28 days',
  '12m': '12 months',
  all: 'all time',
};
/** The artist shown when the URL names none: the specification's example. */
const DEFAULT_ARTIST = 123;
const PAGE_SIZE = 25;
/** The longest country chart; the table beside it lists every country. */
const COUNTRY_BARS = 12;

interface View {
  artist: number;
  window: string;
  offset: number;
}

function viewOf(location: Location): View {
  const query = new URLSearchParams(location.search);
  const artist = Number(query.get('artist') ?? DEFAULT_ARTIST);
  const window = query.get('window') ?? 'all';
  const offset = Number(query.get('offset') ?? 0);
  return {
    artist: Number.isSafeInteger(artist) && artist >= 0 ? artist : DEFAULT_ARTIST,
    window: offeredWindows().includes(window) ? window : 'all',
    offset: Number.isSafeInteger(offset) && offset >= 0 ? offset - (offset % PAGE_SIZE) : 0,
  };
}

function urlOf(view: View): string {
  const query = new URLSearchParams({ artist: String(view.artist), window: view.window });
  if (view.offset > 0) query.set('offset', String(view.offset));
  return `/?${query}`;
}

let view = viewOf(window.location);
/** Increases with each view asked for: an answer for a view no longer shown is dropped. */
let asked = 0;

function go(next: View): void {
  view = next;
  history.pushState(null, '', urlOf(view));
  void show();
}

function say(message: string, problem = false): void {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('problem', problem);
  status.hidden = false;
}

function syncForm(): void {
  byId<HTMLInputElement>('artist').value = String(view.artist);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name=window]')) {
    input.checked = input.value === view.window;
  }
}

async function show(): Promise<void> {
  const started = performance.now();
  const mine = ++asked;
  syncForm();
  const main = byId('main');
  main.setAttribute('aria-busy', 'true');
  document.body.dataset.state = 'loading';
  try {
    const [summary, audience] = await Promise.all([
      api.fanbase(view.artist, view.window),
      api.audience(view.artist, view.window),
    ]);
    if (mine !== asked) return;
    renderAudience(summary, audience);
    byId('status').hidden = true;
    byId('audience').hidden = false;
    await showFans(mine);
    if (mine !== asked) return;
    document.body.dataset.state = 'ready';
    document.body.dataset.renderedMs = String(Math.round(performance.now() - started));
  } catch (error) {
    if (mine !== asked) return;
    byId('audience').hidden = true;
    say(
      error instanceof api.ApiProblem ? error.message : `The page failed: ${(error as Error).message}`,
      true,
    );
    document.body.dataset.state = 'problem';
  } finally {
    if (mine === asked) main.setAttribute('aria-busy', 'false');
  }
}

function renderAudience(summary: api.Json, audience: api.Json): void {
  document.title = `Artist ${view.artist}: fanbase`;
  byId('title').textContent = `Artist ${view.artist}`;
  const w = audience.window;
  byId('window-said').textContent =
    w.since === null
      ? `All time, up to ${day(w.until)} (data as of ${day(audience.as_of)}).`
      : `The last ${WINDOW_NAMES[view.window]}: ${day(w.since)} to ${day(w.until)}.`;
  const countries: string[] = summary.fans_top_countries ?? [];
  const figures: [string, string][] = [
    ['Total fans', count(summary.total_fans)],
    [
      'Median age',
      summary.fans_median_age === null || summary.fans_median_age === undefined
        ? 'unknown'
        : count(summary.fans_median_age),
    ],
    ['Top countries', countries.length ? countries.join(', ') : 'none shown'],
  ];
  byId('headline').replaceChildren(
    ...figures.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, value))),
  );

  const privacy = audience.privacy;
  const withheld = (n: number | undefined, what: string) =>
    n
      ? `${count(n)} fans in ${what} under ${count(privacy.min_fans)} people are withheld, counted together.`
      : undefined;
  const floor = byId('privacy');
  floor.hidden = !(privacy.min_fans > 0);
  floor.textContent =
    privacy.min_fans > 0
      ? `Privacy floor: every figure on this page rests on at least ${count(privacy.min_fans)} fans. A smaller group is withheld (shown as "withheld"), and so is the smallest group beside it when needed, so that no one can be singled out.`
      : '';

  barChart(
    byId('age-groups'),
    'Fans by age group',
    audience.age_groups.map((g: api.Json): Bar => ({ label: g.group, value: g.fans })),
    withheld(privacy.age_groups_withheld_fans, 'age groups'),
  );
  const shown = audience.countries.filter((c: api.Json) => c.country !== 'unknown');
  const unknown = audience.countries.find((c: api.Json) => c.country === 'unknown');
  const bars: Bar[] = shown
    .slice(0, COUNTRY_BARS)
    .map((c: api.Json) => ({ label: c.country, value: c.fans }));
  if (shown.length > COUNTRY_BARS) {
    const rest = shown.slice(COUNTRY_BARS).reduce((sum: number, c: api.Json) => sum + c.fans, 0);
    bars.push({ label: `${shown.length - COUNTRY_BARS} more`, value: rest });
  }
  if (unknown) bars.push({ label: 'unknown', value: unknown.fans });
  if (privacy.countries_withheld_fans)
    bars.push({ label: 'withheld', value: privacy.countries_withheld_fans });
  barChart(
    byId('countries'),
    'Fans by country',
    bars,
    withheld(privacy.countries_withheld_fans, 'countries'),
  );
  barChart(
    byId('segments'),
    'Fans by engagement',
    audience.segments.map((s: api.Json): Bar => ({ label: s.segment, value: s.fans })),
    withheld(privacy.segments_withheld_fans, 'tiers'),
  );
  barChart(
    byId('activity'),
    'New, active and lapsed fans',
    audience.activity.map((s: api.Json): Bar => ({ label: s.segment, value: s.fans })),
    [
      withheld(privacy.activity_withheld_fans, 'these groups'),
      'Lapsed fans were fans before the window and not in it.',
    ]
      .filter(Boolean)
      .join(' '),
  );
  pairedColumns(
    byId('trend'),
    'Fans month by month',
    ['Active fans', 'New fans'],
    audience.trend.map((m: api.Json) => ({
      label: month(m.month),
      short: month(m.month, true),
      first: m.active_fans,
      second: m.new_fans,
    })),
    withheld(privacy.trend_new_withheld_fans, "months' new fans"),
  );
}

async function showFans(mine = asked): Promise<void> {
  const page = await api.topFans(view.artist, view.window, view.offset, PAGE_SIZE);
  if (mine !== asked) return;
  const body = byId('fans').querySelector('tbody') as HTMLTableSectionElement;
  const rows = page.items.map((fan: api.Json) => {
    const why = el('button', { type: 'button', 'aria-expanded': 'false' }, 'Show');
    const row = el(
      'tr',
      {},
      el('td', { class: 'number' }, count(fan.rank)),
      el('td', {}, String(fan.user_id)),
      el('td', {}, fan.country ?? 'unknown'),
      el('td', { class: 'number' }, score(fan.score)),
      el('td', {}, why),
    );
    why.addEventListener('click', () => void explain(row, why, fan.rank));
    return row;
  });
  body.replaceChildren(...rows);
  const status = byId('top-fans-status');
  status.hidden = page.items.length > 0;
  status.textContent = page.items.length ? '' : (page.reason ?? 'No adult fan to show over this window.');
  byId('page-said').textContent = page.items.length
    ? `Fans ${count(view.offset + 1)} to ${count(view.offset + page.items.length)}`
    : '';
  byId<HTMLButtonElement>('previous').disabled = view.offset === 0;
  byId<HTMLButtonElement>('next').disabled = page.next_offset === null;
  byId<HTMLButtonElement>('download').disabled = page.items.length === 0;
}

const COMPONENTS: [key: string, name: string][] = [
  ['listening', 'listening time'],
  ['streams', 'streams'],
  ['regularity', 'regularity'],
  ['recency', 'recency'],
  ['share', 'share of listening'],
  ['follow', 'follow'],
];

/** The score's components of one fan, asked once per page, shown under its row. */
async function explain(row: HTMLTableRowElement, button: HTMLButtonElement, rank: number): Promise<void> {
  const open = row.nextElementSibling?.classList.contains('components');
  if (open) {
    row.nextElementSibling?.remove();
    button.setAttribute('aria-expanded', 'false');
    button.textContent = 'Show';
    return;
  }
  let cell: HTMLElement;
  try {
    const page = await api.topFans(view.artist, view.window, rank - 1, 1, true);
    const components = page.items[0]?.components ?? {};
    cell = el(
      'dl',
      {},
      ...COMPONENTS.flatMap(([key, name]) => [
        el('dt', {}, name),
        el(
          'dd',
          {},
          components[key] === null || components[key] === undefined ? 'no data' : score(components[key]),
        ),
      ]),
    );
  } catch (error) {
    cell = el('p', {}, error instanceof api.ApiProblem ? error.message : 'The components could not be read.');
  }
  row.after(el('tr', { class: 'components' }, el('td', { colspan: '5' }, cell)));
  button.setAttribute('aria-expanded', 'true');
  button.textContent = 'Hide';
}

async function download(): Promise<void> {
  try {
    const csv = await api.topFansCsv(view.artist, view.window, view.offset, PAGE_SIZE);
    const url = URL.createObjectURL(csv);
    const link = el('a', {
      href: url,
      download: `topfans-${view.artist}-${view.window}-${view.offset + 1}.csv`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) {
    const status = byId('top-fans-status');
    status.textContent = error instanceof api.ApiProblem ? error.message : 'The CSV could not be made.';
    status.hidden = false;
  }
}

function signIn(): void {
  const form = byId<HTMLFormElement>('sign-in');
  const secret = byId<HTMLInputElement>('secret');
  const given = api.credentials();
  const summary = byId('credentials').querySelector('summary') as HTMLElement;
  summary.textContent = given ? 'Credentials (in use)' : 'Credentials';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = (form.querySelector('input[name=kind]:checked') as HTMLInputElement).value as
      | 'bearer'
      | 'key';
    api.keepCredentials({ kind, secret: secret.value.trim() });
    secret.value = '';
    summary.textContent = 'Credentials (in use)';
    (byId('credentials') as HTMLDetailsElement).open = false;
    void show();
  });
  byId('sign-out').addEventListener('click', () => {
    api.keepCredentials(null);
    summary.textContent = 'Credentials';
    void show();
  });
}

function start(): void {
  byId<HTMLFormElement>('pick').addEventListener('submit', (event) => {
    event.preventDefault();
    const artist = Number(byId<HTMLInputElement>('artist').value.trim());
    if (!Number.isSafeInteger(artist) || artist < 0) {
      say('An artist id is a whole number, such as 123.', true);
      return;
    }
    go({ ...view, artist, offset: 0 });
  });
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name=window]')) {
    input.addEventListener('change', () => go({ ...view, window: input.value, offset: 0 }));
  }
  byId('previous').addEventListener('click', () =>
    go({ ...view, offset: Math.max(0, view.offset - PAGE_SIZE) }),
  );
  byId('next').addEventListener('click', () => go({ ...view, offset: view.offset + PAGE_SIZE }));
  byId('download').addEventListener('click', () => void download());
  window.addEventListener('popstate', () => {
    view = viewOf(window.location);
    void show();
  });
  signIn();
  void show();
}

start();
