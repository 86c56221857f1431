import { CustomerFieldInput, CustomFieldType } from '../customers-api';

/** Whether a field type offers a list of options. */
export function hasOptions(type: CustomFieldType): boolean {
  return type === 'choice' || type === 'multi_choice';
}

/** The request body of the field drawer: trimmed, options only for choice types, no duplicates. */
export function toFieldInput(value: {
  readonly label: string;
  readonly key: string;
  readonly type: CustomFieldType;
  readonly options: readonly string[];
  readonly required: boolean;
  readonly position: number;
}): CustomerFieldInput {
  const options = hasOptions(value.type)
    ? [...new Set(value.options.map((option) => option.trim()).filter((option) => option !== ''))]
    : [];
  return {
    label: value.label.trim(),
    key: value.key.trim(),
    type: value.type,
    options,
    required: value.required,
    position: value.position,
  };
}
