// Types of the JSON API (docs/http-api.md) and a fetch wrapper. Every
// request goes to the same origin that served the page.

export interface ArticleSummary {
  seq: number;
  id: string;
  title: string;
  published: string;
  site: string;
  lang: string;
}

export interface ArticleList {
  offset: number;
  limit: number;
  total: number;
  articles: ArticleSummary[];
}

export interface Span {
  begin: number;
  end: number;
}

export interface Mention extends Span {
  type: string;
  text: string;
  entity: number;
  sentence: number;
}

export interface EntityInArticle {
  id: number;
  type: string;
  canonical: string;
  key: string;
  mentions: number;
}

export interface Timex extends Span {
  type: string;
  value: string;
  mod?: string;
}

export interface Quote extends Span {
  kind: string;
  cue: string;
  speaker: string;
  speaker_text: string;
  speaker_begin: number;
  speaker_end: number;
  entity: number;
  sentence: number;
}

export interface Claim extends Span {
  quantity_text: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  subject: string;
  event: string;
  origin: string[];
  location: string | null;
  source: string | null;
  time: string | null;
  negated: boolean;
  hypothetical: boolean;
  sentence: number;
}

export interface Analysis {
  dct?: string;
  ner?: {
    sentences: Span[];
    mentions: Mention[];
    entities: EntityInArticle[];
  };
  timexes?: Timex[];
  quotes?: Quote[];
  claims?: Claim[];
}

export interface Article {
  id: string;
  seq: number;
  story_id?: number;
  source: string;
  format: string;
  url: string;
  site: string;
  title: string;
  description: string;
  published: { value: string; source: string; timezone: boolean } | null;
  authors: string[];
  lang: string;
  image: string;
  paragraphs: string[];
  analysis?: Analysis;
}

export interface RelatedItem {
  id: string;
  sort: string;
  contenttypeid: string;
  pic: string;
  title: string;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: {
    id: string;
    seq: number;
    title: string;
    published: string;
    site: string;
    score: number;
    snippet: string;
  }[];
  facets: { sites: Facet[]; entities: Facet[]; months: Facet[] };
}

export interface EntityCount {
  key: string;
  type: string;
  name: string;
  mentions: number;
  articles: number;
}

export interface Bucket {
  value: string;
  mentions: number;
  articles: number;
}

export interface EntityDetail {
  key: string;
  type: string;
  name: string;
  mentions: number;
  articles: number;
  days: Bucket[];
  months: Bucket[];
  in_articles: (ArticleSummary & { mentions: number })[];
  quotes: {
    article_seq: number;
    article_id: string;
    article_title: string;
    published: string;
    kind: string;
    cue: string;
    speaker_text: string;
    text: string;
    begin: number;
    end: number;
  }[];
}

export interface Story {
  id: number;
  size: number;
  first_date: string;
  last_date: string;
  label: string;
  first_seq: number;
  first_title: string;
}

export interface LedgerClaim {
  article_id: string;
  article_seq: number;
  article_title: string;
  published: string;
  quantity: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  subject: string;
  event: string;
  location: string;
  source: string;
  origin: string[];
  time: string;
  time_first: string;
  time_last: string;
  negated: boolean;
  hypothetical: boolean;
  begin: number;
  end: number;
  sentence: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// GET /api/<path> with the given query (empty values are left out).
export async function get<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  const res = await fetch(`/api/${path}${qs ? "?" + qs : ""}`, {
    headers: { Accept: "application/json" },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body?.error ?? {};
    throw new ApiError(res.status, err.code ?? "error", err.message ?? res.statusText);
  }
  return body as T;
}
