/**
 * The end of a settings form: what went wrong (if anything), the submit button
 * and a status line that says when it was saved. One shape for every owner form.
 */
interface Props {
  /** A message to show as an alert, already in the person's words. */
  error: string | null;
  submitLabel: string;
  /** What the status line says (empty until saved). */
  status: string;
  busy?: boolean;
  className: string;
  large?: boolean;
}

export function FormActions({ error, submitLabel, status, busy, className, large }: Props) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={className}>
        <button
          type="submit"
          className={large ? 'button button--primary button--large' : 'button button--primary'}
          disabled={busy}
        >
          {submitLabel}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </>
  );
}
