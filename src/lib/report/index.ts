// Report coding: a pasted news report to incident drafts (extract), drafts to schema rows and CSV (to-incident).
export { extractIncidents } from './extract';
export { correctField, draftRecordId, draftToIncident, manualIncidentsCsv, type IncidentOptions } from './to-incident';
export type { ActorGroup, Attribution, DateValue, Field, IncidentDraft, LocationValue, NamedCode, Perpetrator, ReportMeta, Span } from './types';
