/**
 * Words an input problem (field + code + parameters) in the current language.
 */
import { UNITS } from '../../../core/units';
import { i18n } from '../../i18n/i18n.svelte';
import { carrierLabel } from '../../i18n/labels';
import type { InputField, InputIssue } from '../../pages/accounting/activity-input-vm';
import type { PasteNote } from '../../pages/accounting/paste-vm';
import type { MessageKey } from '../../i18n/messages';

const FIELD_KEYS: Record<InputField, MessageKey> = {
  enterprise_id: 'calc.field.enterprise',
  year: 'calc.field.year',
  carrier: 'calc.field.carrier',
  amount: 'calc.field.amount',
  unit: 'calc.field.unit',
};

const ISSUE_KEYS: Record<InputIssue['code'], MessageKey> = {
  empty: 'calc.issue.empty',
  notNumber: 'calc.issue.notNumber',
  negative: 'calc.issue.negative',
  notYear: 'calc.issue.notYear',
  unknownCarrier: 'calc.issue.unknownCarrier',
  unknownUnit: 'calc.issue.unknownUnit',
  unitMismatch: 'calc.issue.unitMismatch',
  columns: 'calc.issue.columns',
  otherEnterprise: 'calc.issue.otherEnterprise',
  engine: 'calc.issue.engine',
};

/** A unit code in the reader's language (Chinese name in zh). */
export function unitLabel(code: string): string {
  const u = UNITS.find((x) => x.code === code);
  return u && i18n.lang === 'zh' ? u.zh : code;
}

function fieldLabel(field: InputField): string {
  return i18n.t(FIELD_KEYS[field]);
}

/** "Amount: "1,2x" is not a number" in the current language. */
export function issueText(issue: InputIssue): string {
  const p = { ...(issue.params ?? {}) };
  if (typeof p.carrier === 'string') p.carrier = carrierLabel(p.carrier);
  if (typeof p.accepted === 'string')
    p.accepted = p.accepted
      .split(', ')
      .map(unitLabel)
      .join(i18n.lang === 'zh' ? '、' : ', ');
  if (typeof p.value === 'string' && issue.code === 'unitMismatch') p.value = unitLabel(p.value);
  const sep = i18n.lang === 'zh' ? '：' : ': ';
  return `${fieldLabel(issue.field)}${sep}${i18n.t(ISSUE_KEYS[issue.code], p)}`;
}

/** "Line 3, column 2 (year): …" for a pasted line. */
export function pasteIssueText(issue: InputIssue & { line: number; column?: number }): string {
  const where =
    issue.column !== undefined
      ? i18n.t('self.paste.whereColumn', { line: issue.line, column: issue.column })
      : i18n.t('self.paste.whereLine', { line: issue.line });
  const hint = issue.params?.suggestion;
  return `${where} ${issueText(issue)}${hint !== undefined ? i18n.t('paste.didYouMean', { suggestion: hint }) : ''}`;
}

/** A paste note (the steam conversion used, or another warning) in the current language. */
export function pasteNoteText(note: PasteNote): string {
  if (note.code === 'other') return i18n.t('paste.note.other', { line: note.line, message: note.message });
  return i18n.t('paste.note.steam', {
    line: note.line,
    grade: i18n.lang === 'zh' ? note.grade.zh : note.grade.en,
    gj: i18n.num(note.gjPerT, 3),
  });
}
