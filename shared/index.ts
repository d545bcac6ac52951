/** The shared core: one answer, offline in the renderer and authoritative on the server. */
export type { Calendar } from './calendar/calendar';
export { MS_PER_DAY } from './calendar/calendar';
export { addBusinessDays, businessDaysBetween, businessTimeline, calendarDays, isBusinessDay, type DayInfo } from './calendar/businessDays';
export * from './domain/catalog';
export * from './domain/commands';
export type * from './domain/model';
export { decide, describeValidationError, type DecideContext } from './domain/decide';
export { evolve, replay } from './domain/evolve';
export { checklistItems, failedDeficiencies, isChecklistComplete, missingChecklistItems } from './domain/checklist';
export { clocks, dueSystemCommands, levelOf, primaryClock, CLOCK_NAMES, type ClockLevel, type ClockName, type ClockOptions, type ClockReading, type SystemCommand } from './sla/clocks';
export { explainClock, type ClockExplanation, type ClockInterval } from './sla/explain';
export { consentWindowEnd, disputeWindowEnd, lastEnteredAt, partnerResponseDue, statusEnteredAt } from './sla/deadlines';
export * from './sync/protocol';
export { CALENDAR_PRESETS, calendarPreset, DEFAULT_CALENDAR, DEFAULT_CALENDAR_PRESET_ID, type CalendarPreset } from './calendar/presets';
export { isStorableText, unstorableTextPath } from './domain/storableText';
export { prescreen, monthsBefore, type Finding, type FindingKind, type FormField, type PageText, type PrescreenInput, type TextItem } from './prescreen/analyze';
export { findDates, isoDateOf, type FoundDate } from './prescreen/dates';
