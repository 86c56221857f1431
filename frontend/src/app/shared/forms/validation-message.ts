import { TranslocoService } from '@jsverse/transloco';
import { FieldError } from '../api/api-types';

/** How one 422 field error is shown: a translation key with its parameters, or the server's text. */
export type ValidationMessage =
  | { readonly key: string; readonly params: Record<string, unknown> }
  | { readonly key: null; readonly text: string };

/** The language the API writes its messages in: there they are shown as they come. */
const SERVER_LANG = 'en';

/** Prefix of the translation keys of server-side rules. */
const KEY_PREFIX = 'serverValidation';

/**
 * Fields whose messages are written for the one field and carry what a generic sentence would lose:
 * custom fields (their choice list, the date format) and the import's column mapping and rows.
 */
const KEEP_SERVER_TEXT = ['customFields.', 'mapping.', 'rows.'];

type Meta = Readonly<Record<string, unknown>>;

/** Parameters for a rule's sentence from the error's meta, or null when the meta lacks one. */
type Params = (meta: Meta) => Record<string, unknown> | null;

const noParams: Params = () => ({});

/** Needs the named meta values (numbers or strings) to fill the sentence. */
function fromMeta(...names: string[]): Params {
  return (meta) => {
    const params: Record<string, unknown> = {};
    for (const name of names) {
      const value = meta[name];
      if (typeof value !== 'number' && typeof value !== 'string') return null;
      params[name] = value;
    }
    return params;
  };
}

/**
 * Rules with a translated sentence. Left out on purpose (the server's text is kept): `format`,
 * `url`, `placeholder`, `notAllowed`… whose server messages say what exactly is wrong.
 */
const RULES: Readonly<Record<string, { readonly key: string; readonly params: Params }>> = {
  required: { key: 'required', params: noParams },
  minLength: { key: 'minLength', params: fromMeta('min') },
  maxLength: { key: 'maxLength', params: fromMeta('max') },
  fixedLength: { key: 'fixedLength', params: fromMeta('size') },
  'array.minLength': { key: 'minItems', params: fromMeta('min') },
  'array.maxLength': { key: 'maxItems', params: fromMeta('max') },
  min: { key: 'min', params: fromMeta('min') },
  max: { key: 'max', params: fromMeta('max') },
  range: { key: 'range', params: fromMeta('min', 'max') },
  email: { key: 'email', params: noParams },
  regex: { key: 'regex', params: noParams },
  enum: { key: 'enum', params: noParams },
  in: { key: 'enum', params: noParams },
  uuid: { key: 'uuid', params: noParams },
  number: { key: 'number', params: noParams },
  boolean: { key: 'boolean', params: noParams },
  string: { key: 'string', params: noParams },
  date: { key: 'date', params: noParams },
  distinct: { key: 'distinct', params: noParams },
  exists: { key: 'exists', params: noParams },
  unique: { key: 'unique', params: noParams },
  scope: { key: 'scope', params: noParams },
  phoneNumber: { key: 'phoneNumber', params: noParams },
};

/**
 * What to show for a 422 field error in `lang`: the translated sentence of a known rule, or the
 * server's message — in the server's own language, for unknown rules, for rules whose sentence
 * needs meta the answer lacks, and for fields whose messages carry specifics.
 */
export function validationMessage(error: FieldError, lang: string): ValidationMessage {
  const server: ValidationMessage = { key: null, text: error.message };
  if (lang === SERVER_LANG) return server;
  if (KEEP_SERVER_TEXT.some((prefix) => error.field.startsWith(prefix))) return server;
  const rule = Object.hasOwn(RULES, error.rule) ? RULES[error.rule] : undefined;
  const params = rule?.params(error.meta ?? {});
  if (!rule || !params) return server;
  return { key: `${KEY_PREFIX}.${rule.key}`, params };
}

/** Whether a value (e.g. a control's `server` error) is a 422 field error of the API. */
export function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, rule, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof rule === 'string' && typeof message === 'string';
}

/**
 * The sentence for a 422 field error in the active language. `withField` names the field in front
 * of a translated sentence, for lists where no form field is next to it.
 */
export function translateFieldError(
  transloco: TranslocoService,
  error: FieldError,
  withField = false,
): string {
  const message = validationMessage(error, transloco.getActiveLang());
  if (message.key === null) return message.text;
  const text = transloco.translate(message.key, message.params);
  if (text === message.key) return error.message;
  return withField
    ? transloco.translate(`${KEY_PREFIX}.onField`, { field: error.field, message: text })
    : text;
}
