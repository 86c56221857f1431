import { v7 as uuidv7, validate, version } from 'uuid'

/** New time-ordered id (uuidv7) for rows and events. */
export function newId(): string {
  return uuidv7()
}

/** True when the text is a well-formed uuid (any version); route params are checked with it. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && validate(value) && version(value) > 0
}
