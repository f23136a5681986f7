import { TextField } from '../components/TextField';
import { hintFor, inputId, type FieldDescription } from './fields';

export interface SectionFormProps {
  /** Makes the input ids unique on the page (one SectionForm per child, for instance). */
  idPrefix: string;
  fields: readonly FieldDescription[];
  drafts: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string | undefined>>;
  onChange: (fieldId: string, text: string) => void;
  onBlur?: (fieldId: string) => void;
}

/**
 * Draws a section's fields from a description array rather than hand-written JSX, so the
 * template-driven form can reuse it unchanged with the templates' field lists.
 */
export function SectionForm({ idPrefix, fields, drafts, errors, onChange, onBlur }: SectionFormProps) {
  return (
    <>
      {fields.map((field) => (
        <TextField
          key={field.id}
          id={inputId(idPrefix, field.id)}
          label={field.label}
          hint={hintFor(field)}
          error={errors[field.id]}
          value={drafts[field.id] ?? ''}
          onChange={(text) => onChange(field.id, text)}
          onBlur={onBlur ? () => onBlur(field.id) : undefined}
          multiline={field.type === 'longtext'}
          width={field.width ?? (field.type === 'date' || field.type === 'time' ? 'short' : 'full')}
          inputMode={field.type === 'date' ? 'numeric' : undefined}
          autoComplete={field.autoComplete}
          spellCheck={field.type === 'longtext'}
        />
      ))}
    </>
  );
}
