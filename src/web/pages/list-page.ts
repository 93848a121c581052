import { incidentLabel } from '../../core/model/incident-ref.ts';
import { commanderOf, type IncidentState } from '../../core/model/incident-state.ts';
import { SEVERITIES } from '../../core/model/severity.ts';
import { formatClock, formatDuration } from '../../core/time/format-time.ts';

export const LIST_PAGE_SIZE = 50;

/** The list's filters, as the form sends them; anything unrecognised is treated as "any". */
export interface ListFilters {
  status: '' | 'open' | 'resolved';
  severity: string;
  platform: string;
  from: string;
  to: string;
  q: string;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(query: (name: string) => string | undefined): ListFilters {
  const status = query('status');
  const severity = query('severity')?.toUpperCase() ?? '';
  const page = Number.parseInt(query('page') ?? '1', 10);
  const day = (name: string) => {
    const value = query(name) ?? '';
    return DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : '';
  };
  return {
    status: status === 'open' || status === 'resolved' ? status : '',
    severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : '',
    platform: (query('platform') ?? '').slice(0, 40),
    from: day('from'),
    to: day('to'),
    q: (query('q') ?? '').trim().slice(0, 200),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export interface ListRow {
  number: number;
  label: string;
  title: string;
  severity: string;
  status: string;
  platform: string;
  commander: string;
  started: string;
  duration: string;
  openActions: number;
  private: boolean;
}

export interface ListView {
  filters: ListFilters;
  rows: ListRow[];
  total: number;
  pages: number;
  severities: readonly string[];
  platforms: string[];
  /** The query string of the filters without the page, for the pager's links. */
  filterQuery: string;
}

/** Filters, newest first, one page of rows: the incidents the viewer may see, already chosen. */
export function listView(
  visible: readonly IncidentState[],
  filters: ListFilters,
  now: Date,
  timeZone: string,
): ListView {
  const matching = visible.filter((state) => matches(state, filters)).sort(newestFirst);
  const pages = Math.max(1, Math.ceil(matching.length / LIST_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = matching
    .slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE)
    .map((state) => row(state, now, timeZone));
  const { page: _page, ...rest } = filters;
  const filterQuery = new URLSearchParams(
    Object.entries(rest).filter(([, value]) => value !== ''),
  ).toString();
  return {
    filters: { ...filters, page },
    rows,
    total: matching.length,
    pages,
    severities: SEVERITIES,
    platforms: [...new Set(visible.map((state) => state.ref.platform))].sort(),
    filterQuery,
  };
}

function matches(state: IncidentState, filters: ListFilters): boolean {
  const resolved = state.status === 'resolved';
  if (filters.status === 'open' && resolved) return false;
  if (filters.status === 'resolved' && !resolved) return false;
  if (filters.severity && state.severity !== filters.severity) return false;
  if (filters.platform && state.ref.platform !== filters.platform) return false;
  const day = state.declaredAt.slice(0, 10);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  if (filters.q) {
    const haystack = [
      incidentLabel(state.number),
      state.title,
      state.description ?? '',
      commanderOf(state).name,
    ]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(filters.q.toLowerCase())) return false;
  }
  return true;
}

function newestFirst(a: IncidentState, b: IncidentState): number {
  return Date.parse(b.declaredAt) - Date.parse(a.declaredAt) || b.number - a.number;
}

function row(state: IncidentState, now: Date, timeZone: string): ListRow {
  const end = state.status === 'resolved' && state.resolvedAt ? Date.parse(state.resolvedAt) : now.getTime();
  return {
    number: state.number,
    label: incidentLabel(state.number),
    title: state.title,
    severity: state.severity,
    status: state.status,
    platform: state.ref.platform,
    commander: commanderOf(state).name,
    started: formatClock(state.declaredAt, timeZone, true),
    duration: formatDuration(end - Date.parse(state.declaredAt)),
    openActions: state.actionItems.filter((item) => !item.done).length,
    private: state.private === true,
  };
}
