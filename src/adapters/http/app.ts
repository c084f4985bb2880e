import type { IncomingHttpHeaders } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { mayRead } from '../../domain/access.js';
import type { ArtistSummary, ExplainedTopFan, TopFanList } from '../../domain/answers.js';
import type { Audience } from '../../domain/audience.js';
import type { DataReport } from '../../domain/data-report.js';
import { FanbaseError, forbidden, notFound, notReady } from '../../domain/errors.js';
import type { TopFansOptions } from '../../domain/fanbase.js';
import type { SummaryIndex } from '../../domain/summary-index.js';
import type { AnswerWindow, WindowName } from '../../domain/time-window.js';
import type { AnswerCache } from './answer-cache.js';
import { parseAudienceRequest, parseTopFansRequest } from './artist-requests.js';
import type { Authenticate } from './authenticate.js';
import { parseFanbaseRequest } from './fanbase-request.js';
import { matchesIfNoneMatch } from './if-none-match.js';
import { setMatchedRoute } from './matched-route.js';
import type { HttpMetrics } from './metrics.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { PAGE_CSP, type PageAsset, readPageAssets } from './page-assets.js';
import { problemResponses } from './problem-responses.js';
import type { AuthFailureLimit, RateLimit } from './rate-limit.js';
import { readJsonBody } from './read-json-body.js';
import { requestContext } from './request-context.js';
import { topFansCsv } from './top-fans-csv.js';

const AUDIENCE_ROUTE = '/artists/:artist_id/audience';
const TOP_FANS_ROUTE = '/artists/:artist_id/top-fans';
/** The two routes above as the fast path matches them: exactly as written, the artist in group 1. */
const ARTIST_GET_PATH = /^\/artists\/([^/]+)\/(audience|top-fans)$/;

/** Every artist's summary over one window, in memory, and the bodies served from it. */
export interface WindowAnswers {
  summaries: SummaryIndex;
  /** Bodies of known artists, serialized once for this dataset, then served as they are. */
  bodies: Map<number, string>;
}

/** What the API answers from once the dataset is loaded; null while loading. */
export interface LoadedDataset extends WindowAnswers {
  report: DataReport;
  /** Names this dataset's answers: the entity tag of GET answers, which change only with the dataset. */
  tag: string;
  /** The serialized GET answers of this dataset, computed once each (`FANBASE_ANSWER_CACHE_MB`). */
  answers: AnswerCache;
  /** The artist's audience over `window`, asked of the engine. */
  audience(artistId: number, window: WindowName): Promise<Audience>;
  /** A page of the artist's top fans (`TopFansOptions`), asked of the engine. */
  topFans(artistId: number, n: number, options: TopFansOptions): Promise<TopFanList>;
  /** The same page with each fan's score components and signals. */
  explainTopFans(artistId: number, n: number, options: TopFansOptions): Promise<TopFanList<ExplainedTopFan>>;
  /** `window` resolved against the dataset, as answers describe it. */
  windowOf(window: WindowName): AnswerWindow;
  /** The standard windows but `all` (7d, 28d, 12m), answered from memory like `all`. */
  windows: ReadonlyMap<WindowName, WindowAnswers>;
  /** Any other window (a range of dates), asked of the engine: checked against `as_of`, then answered. */
  ask(artistId: number, window: WindowName): Promise<ArtistSummary>;
}

export interface AppOptions {
  dataset: () => LoadedDataset | null;
  logger: Logger;
  metrics: HttpMetrics;
  /** Checks credentials on POST /fanbase; null when authentication is off. */
  authenticate?: Authenticate | null;
  /** Counts POST /fanbase requests per client (credentials, else address); null when off. */
  rateLimit?: RateLimit | null;
  /** Counts refused authentications per address, checked before credentials are; null when off. */
  authFailures?: AuthFailureLimit | null;
  bodyLimit: number;
  /** True once shutdown has begun: /ready answers 503, so that load balancers stop sending here. */
  stopping?: () => boolean;
  /** True once the listener is closed: answers ask clients to close their connections. */
  closing?: () => boolean;
  /** The artist's page by path (`readPageAssets`: dist/page, read once); none: `GET /` says to build it. */
  page?: Map<string, PageAsset>;
}

/** The Fanbase web API as a Koa application. Handlers parse, look up, answer: no SQL, no scoring. */
export function createApp(options: AppOptions): Koa {
  const { dataset, logger, metrics, bodyLimit } = options;
  const authenticate = options.authenticate ?? null;
  const rateLimit = options.rateLimit ?? null;
  const authFailures = options.authFailures ?? null;
  const app = new Koa();
  app.silent = true;
  const router = new Router();

  /** An address over its failed authentications is refused before its credentials are checked. */
  const authenticateOrCount = async (check: Authenticate, headers: IncomingHttpHeaders, address: string) => {
    if (!authFailures) return check(headers);
    await authFailures.check(address);
    try {
      return await check(headers);
    } catch (error) {
      if (error instanceof FanbaseError && error.code === 'UNAUTHENTICATED') await authFailures.fail(address);
      throw error;
    }
  };

  const loaded = (): LoadedDataset => {
    const current = dataset();
    if (!current) throw notReady('the dataset is still loading');
    return current;
  };

  const answerFanbase = async (ctx: Koa.Context) => {
    const caller = authenticate && (await authenticateOrCount(authenticate, ctx.req.headers, ctx.ip));
    const grant = caller?.grant;
    if (rateLimit) await rateLimit(caller ? caller.client : JSON.stringify(['address', ctx.ip]));
    const current = loaded();
    const { artistId, window } = parseFanbaseRequest(await readJsonBody(ctx.req, bodyLimit));
    if (grant && !mayRead(grant, artistId)) {
      // the same answer whether the artist exists or not: a 403 tells nothing about the artist
      throw forbidden(`these credentials do not grant artist_id ${artistId}`, {
        field: 'artist_id',
      });
    }
    const answers = window === undefined || window === 'all' ? current : current.windows.get(window);
    let body: string | undefined;
    if (answers === undefined) body = JSON.stringify(await current.ask(artistId, window as WindowName));
    else {
      const { summaries, bodies } = answers;
      body = bodies.get(artistId);
      if (body === undefined) {
        body = JSON.stringify(summaries.get(artistId));
        if (summaries.has(artistId)) bodies.set(artistId, body);
      }
    }
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.body = body;
  };
  // Declared on the router too, so that other methods on /fanbase get 405 with Allow: POST.
  router.post('/fanbase', answerFanbase);

  /**
   * The checks of an artist's GET answers, in the order of POST /fanbase: credentials, rate limit, the
   * dataset loaded, the request (`parse`), the grant (a 403 alike for an artist that exists and one that
   * does not); then the entity tag of the answer in `format`: null when If-None-Match names it (then
   * answered 304 here).
   */
  async function artistQuestion<Asked extends { artistId: number; window: WindowName }>(
    ctx: Koa.Context,
    parse: (artistId: string, query: typeof ctx.query) => Asked,
    format: string,
  ): Promise<{ asked: Asked; current: LoadedDataset; window: AnswerWindow } | null> {
    const caller = authenticate && (await authenticateOrCount(authenticate, ctx.req.headers, ctx.ip));
    if (rateLimit) await rateLimit(caller ? caller.client : JSON.stringify(['address', ctx.ip]));
    const current = loaded();
    const asked = parse(ctx.params.artist_id as string, ctx.query);
    if (caller?.grant && !mayRead(caller.grant, asked.artistId)) {
      throw forbidden(`these credentials do not grant artist_id ${asked.artistId}`, { field: 'artist_id' });
    }
    const window = current.windowOf(asked.window); // a range past as_of is a 400, never a 304
    const etag = `"${current.tag}-${format}"`;
    ctx.set('ETag', etag);
    if (matchesIfNoneMatch(ctx.get('If-None-Match') || undefined, etag)) {
      ctx.status = 304;
      return null;
    }
    return { asked, current, window };
  }

  const answerAudience = async (ctx: Koa.Context) => {
    // aggregates only, each past the privacy floor: a browser may keep it, asking again (If-None-Match)
    ctx.set('Cache-Control', 'private, no-cache');
    ctx.set('Vary', 'Authorization, X-API-Key');
    const question = await artistQuestion(ctx, parseAudienceRequest, 'audience');
    if (question === null) return;
    const { asked, current } = question;
    const key = `audience ${asked.artistId} ${asked.window}`;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.body =
      current.answers.peek(key) ??
      (await current.answers.get(key, async () =>
        JSON.stringify(await current.audience(asked.artistId, asked.window)),
      ));
  };
  router.get(AUDIENCE_ROUTE, answerAudience);

  const answerTopFans = async (ctx: Koa.Context) => {
    // personal data: kept by no cache, asked again with If-None-Match by pollers
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('Vary', 'Accept, Authorization, X-API-Key');
    const csv = ctx.accepts('application/json', 'text/csv') === 'text/csv';
    const question = await artistQuestion(ctx, parseTopFansRequest, csv ? 'csv' : 'json');
    if (question === null) return;
    const { asked, current, window: described } = question;
    const { artistId, limit, offset, window, explain } = asked;
    const page = async () => {
      // one more than the page: whether a next page exists, without a count of every fan
      const options = { window, offset };
      const fans = explain
        ? await current.explainTopFans(artistId, limit + 1, options)
        : await current.topFans(artistId, limit + 1, options);
      const items = fans.slice(0, limit);
      if (csv) return topFansCsv(items, explain);
      return JSON.stringify({
        artist_id: artistId,
        window: described,
        items: items.map((fan) => {
          const { rank, user_id, country, score } = fan;
          if (!explain) return { rank, user_id, country, score };
          return { rank, user_id, country, score, components: (fan as ExplainedTopFan).components };
        }),
        next_offset: fans.length > limit ? offset + limit : null,
        ...(fans.reason === undefined ? {} : { reason: fans.reason }),
      });
    };
    const key = `top-fans ${csv ? 'csv' : 'json'} ${artistId} ${window} ${offset} ${limit} ${explain}`;
    const body = current.answers.peek(key) ?? (await current.answers.get(key, page));
    if (csv) {
      ctx.set('Content-Type', 'text/csv; charset=utf-8; header=present');
      ctx.set('Content-Disposition', `attachment; filename="topfans-${artistId}-${window}.csv"`);
    } else ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.body = body;
  };
  router.get(TOP_FANS_ROUTE, answerTopFans);

  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/ready', (ctx) => {
    if (options.stopping?.()) throw notReady('the server is shutting down');
    const { summaries, report } = loaded();
    ctx.body = { status: 'ready', as_of: report.as_of, artists: summaries.artists, fans: report.totals.fans };
  });

  router.get('/metrics', async (ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });

  // The artist's page: static files, the same for everyone (no data in them: the page asks the API)
  const page = options.page ?? readPageAssets();
  const answerPage = (ctx: Koa.Context) => {
    const asset = page.get(ctx.path);
    if (asset === undefined) {
      throw notFound(
        ctx.path === '/'
          ? 'the artist page is not built: run npm run build (it writes dist/page)'
          : `no resource at ${ctx.path}: see /openapi.json`,
      );
    }
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Content-Security-Policy', PAGE_CSP);
    ctx.set('ETag', asset.etag);
    if (matchesIfNoneMatch(ctx.get('If-None-Match') || undefined, asset.etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = asset.type;
    ctx.body = asset.body;
  };
  router.get('/', answerPage);
  router.get('/page/:file', answerPage);

  router.get('/openapi.json', (ctx) => {
    // public and the same for everyone: a cache may keep it, asking again when it changes (no-cache)
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = OPENAPI_DOCUMENT;
  });

  app.use(requestContext(logger, metrics, options.closing));
  app.use(problemResponses(logger));
  // The one hot path, answered before the router's matching and allowed-methods pass (measured in
  // bench/RESULTS.md); the metrics label it with its route as the router would.
  app.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/fanbase') return next();
    setMatchedRoute(ctx, '/fanbase');
    await answerFanbase(ctx);
  });
  // The artist's GET answers likewise, for the paths written as the routes are; any other spelling the router
  // matches (a trailing slash, another case, a HEAD) goes on to it and to the same handlers.
  app.use((ctx, next) => {
    const artistPath = ctx.method === 'GET' ? ARTIST_GET_PATH.exec(ctx.path) : null;
    if (artistPath === null) return next();
    let artistId: string;
    try {
      artistId = decodeURIComponent(artistPath[1] as string);
    } catch {
      return next();
    }
    ctx.params = { artist_id: artistId };
    const audience = artistPath[2] === 'audience';
    setMatchedRoute(ctx, audience ? AUDIENCE_ROUTE : TOP_FANS_ROUTE);
    return audience ? answerAudience(ctx) : answerTopFans(ctx);
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
