/**
 * How KPIs can be grouped (`by` of /datacenter/kpis). `team`: the segments each team's agents
 * handled (an agent in several teams counts in each); `number`: the number an inbound call dialled
 * ('' for calls without one; agents' time is null by number).
 */
export type KpiDimension =
  | 'total'
  | 'queue'
  | 'team'
  | 'agent'
  | 'channel'
  | 'number'
  | 'interval_15m'
  | 'hour'
  | 'day'
  | 'weekday_hour';

/** The groupings a league table ranks, in the order its switch shows them. */
export type LeagueKind = 'queue' | 'team' | 'agent' | 'number';

/** Every league, in the switch's order. */
export const LEAGUE_KINDS: readonly LeagueKind[] = ['queue', 'team', 'agent', 'number'];

/** One row of KPIs: ratios are 0..1 (null when nothing to divide by), times in seconds. */
export interface KpiRow {
  readonly key: string;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly short_abandoned: number;
  readonly abandon_rate: number | null;
  readonly service_level: number | null;
  readonly asa: number | null;
  readonly aht: number | null;
  readonly avg_talk: number | null;
  readonly avg_hold: number | null;
  readonly avg_wrap: number | null;
  readonly transfers: number;
  readonly rona: number;
  readonly fcr: number | null;
  readonly occupancy: number | null;
  readonly utilization: number | null;
}

/** A KPI column of a row (everything but its key). */
export type KpiKey = Exclude<keyof KpiRow, 'key'>;

/** Every KPI column, in the order tiles and exports show them. */
export const KPI_KEYS: readonly KpiKey[] = [
  'offered',
  'answered',
  'abandoned',
  'short_abandoned',
  'abandon_rate',
  'service_level',
  'asa',
  'aht',
  'avg_talk',
  'avg_hold',
  'avg_wrap',
  'occupancy',
  'utilization',
  'fcr',
  'transfers',
  'rona',
];

/** The counts whose calls the drill-down lists. */
export type DrillKpi =
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'short_abandoned'
  | 'answered_in_sl'
  | 'transfers'
  | 'rona';

/** What the KPI answer says besides its rows. */
export interface KpiMeta {
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The service level as the organisation defines it, e.g. "80/20". */
  readonly serviceLevelLabel: string;
  readonly definitions?: readonly {
    readonly key: string;
    readonly version: number;
    readonly unit: string;
    readonly formula: string;
  }[];
  /** Names of the queue/team/agent ids of the rows (by=queue|team|agent). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Answer of GET /datacenter/kpis. */
export interface KpiAnswer {
  readonly data: KpiRow[];
  readonly meta: KpiMeta;
}

/** One line of GET /datacenter/kpis/stream. */
export type KpiStreamEvent =
  | { readonly type: 'meta'; readonly meta: KpiMeta; readonly chunks: number }
  | {
      readonly type: 'rows';
      readonly rows: KpiRow[];
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'end' }
  | {
      readonly type: 'error';
      readonly error: { readonly code: string; readonly message: string; readonly field?: string };
    };

/** A KPI query: instants [from, to), a grouping and queue/agent filters. */
export interface KpiQuery {
  readonly from: string;
  readonly to: string;
  readonly by: KpiDimension;
  readonly queueIds: readonly string[];
  readonly agentIds: readonly string[];
}

/**
 * The drill-down's filters: the calls behind one count. The lists are the view's; a single queue,
 * agent, team or dialled number (a league-table row) narrows further (the server ANDs them).
 * `number` '' is the calls without a number; null: any number.
 */
export interface ContactsQuery {
  readonly from: string;
  readonly to: string;
  readonly kpi: DrillKpi;
  readonly queueIds: readonly string[];
  readonly agentIds: readonly string[];
  readonly queueId: string | null;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly number: string | null;
  readonly channel: string | null;
  readonly page: number;
  readonly perPage: number;
}

/** One call segment behind a number. */
export interface ContactRow {
  readonly callId: string;
  readonly segmentNo: number;
  readonly channel: string;
  readonly ani: string | null;
  readonly queueId: string | null;
  readonly queueName: string | null;
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly startedAt: string;
  readonly answeredAt: string | null;
  readonly endedAt: string;
  readonly waitSeconds: number;
  readonly talkSeconds: number;
  readonly holdSeconds: number;
  readonly wrapSeconds: number;
  readonly offers: number;
  readonly rona: number;
  readonly outcome: string;
  readonly endReason: string;
  readonly transferredTo: string | null;
}

/** A named range, resolved in the organisation's time zone. */
export type RangePreset =
  'today' | 'yesterday' | 'last_7_days' | 'last_30_days' | 'this_month' | 'last_month';

/** The range of a saved report: a preset (moves with time) or fixed instants. */
export type ReportRange =
  { readonly preset: RangePreset } | { readonly from: string; readonly to: string };

/** What a saved report shows. */
export interface ReportDefinition {
  readonly range: ReportRange;
  readonly by: KpiDimension;
  readonly queueIds: readonly string[];
  readonly agentIds: readonly string[];
  readonly kpis: readonly KpiKey[];
}

/** A saved report definition (own, or shared in the organisation). */
export interface SavedReport {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly shared: boolean;
  readonly definition: ReportDefinition;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly canEdit: boolean;
}

/** Body of POST/PUT /datacenter/reports. */
export interface ReportInput {
  readonly name: string;
  readonly description: string | null;
  readonly shared: boolean;
  readonly definition: ReportDefinition;
}

/** File formats of an export. */
export type ExportFormat = 'csv' | 'xlsx';

/** Body of POST /datacenter/exports. */
export interface ExportInput {
  readonly format: ExportFormat;
  readonly kind: 'kpis' | 'contacts';
  readonly from: string;
  readonly to: string;
  readonly by?: KpiDimension;
  readonly queueIds?: readonly string[];
  readonly agentIds?: readonly string[];
  readonly kpis?: readonly KpiKey[];
  readonly kpi?: DrillKpi;
  readonly queueId?: string;
  readonly agentId?: string;
  readonly teamId?: string;
  readonly number?: string;
  readonly channel?: string;
}
